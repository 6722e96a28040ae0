package io.capacityctl.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points every SDK client built without an explicit endpoint at emulators, through the SDK's own
 * configuration (the JVM system properties behind {@code AWS_ENDPOINT_URL}, {@code
 * AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}), so an
 * entry point's graph runs unchanged: the same client factory, region from the config, default
 * credential chain. Closing restores what the JVM had; tests run one at a time in a JVM.
 */
public final class SdkEndpoints implements AutoCloseable {
  private final Map<String, String> previous = new LinkedHashMap<>();

  private SdkEndpoints(Map<String, String> properties) {
    properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
  }

  /** Bedrock at {@code bedrock}, every other service at {@code everythingElse}. */
  public static SdkEndpoints point(URI everythingElse, URI bedrock) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("aws.endpointUrl", everythingElse.toString());
    p.put("aws.endpointUrlBedrock", bedrock.toString());
    p.put("aws.accessKeyId", "testing");
    p.put("aws.secretAccessKey", "testing");
    return new SdkEndpoints(p);
  }

  @Override
  public void close() {
    previous.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }
}
