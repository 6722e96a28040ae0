package io.capacityctl.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the HTTP requests an SDK client sends, per operation (retries count separately). */
public final class CallCounter implements ExecutionInterceptor {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    counts.merge(attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
  }

  public int count(String operation) {
    return counts.getOrDefault(operation, 0);
  }
}
