package io.capacityctl.daemon;

import java.util.Map;
import org.quartz.Job;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Hands Quartz the daemon's own job instances, built with their collaborators, instead of letting
 * it instantiate classes by reflection. Never throws: an unknown job class gets a job that fails
 * its run with a message, which Quartz logs.
 */
final class InjectingJobFactory implements JobFactory {
  private final Map<Class<? extends Job>, Job> jobs;

  InjectingJobFactory(Map<Class<? extends Job>, Job> jobs) {
    this.jobs = Map.copyOf(jobs);
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
    Class<? extends Job> cls = bundle.getJobDetail().getJobClass();
    Job job = jobs.get(cls);
    if (job != null) {
      return job;
    }
    return context -> {
      throw new JobExecutionException("no job instance registered for " + cls.getName());
    };
  }
}
