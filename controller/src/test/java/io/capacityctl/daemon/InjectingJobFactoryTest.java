package io.capacityctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.impl.triggers.SimpleTriggerImpl;
import org.quartz.spi.TriggerFiredBundle;

class InjectingJobFactoryTest {
  static final class Known implements Job {
    @Override
    public void execute(JobExecutionContext context) {}
  }

  static final class Unknown implements Job {
    @Override
    public void execute(JobExecutionContext context) {}
  }

  @Test
  void handsOutTheRegisteredInstanceAndNeverThrowsForAnUnknownClass() throws Exception {
    Known known = new Known();
    InjectingJobFactory factory = new InjectingJobFactory(Map.of(Known.class, known));

    assertThat(factory.newJob(bundle(Known.class), null)).isSameAs(known);
    Job stand = factory.newJob(bundle(Unknown.class), null);
    assertThatThrownBy(() -> stand.execute(null))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining(Unknown.class.getName());
  }

  private static TriggerFiredBundle bundle(Class<? extends Job> cls) {
    return new TriggerFiredBundle(
        JobBuilder.newJob(cls).build(),
        new SimpleTriggerImpl(),
        null,
        false,
        null,
        null,
        null,
        null);
  }
}
