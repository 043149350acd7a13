package org.traza.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes a checkpoint every {@code checkpoint.interval} (default PT1H; PT0S turns it off), the first
 * one interval after start, skipped when nothing changed since the last. A non-persistent EJB
 * timer: it needs no timer database, and a restarted server simply starts counting again.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class CheckpointSchedule {

  private static final System.Logger LOG = System.getLogger(CheckpointSchedule.class.getName());

  @Resource TimerService timers;
  @Inject Checkpoints checkpoints;

  @Inject
  @ConfigProperty(name = "checkpoint.interval", defaultValue = "PT1H")
  Duration interval;

  @PostConstruct
  void start() {
    if (interval.isZero() || interval.isNegative()) {
      LOG.log(System.Logger.Level.INFO, "Scheduled checkpoints are off (checkpoint.interval)");
      return;
    }
    long millis = Math.max(1000, interval.toMillis());
    timers.createIntervalTimer(millis, millis, new TimerConfig("checkpoints", false));
  }

  @Timeout
  void take(Timer timer) {
    try {
      checkpoints
          .takeScheduled()
          .ifPresent(
              c ->
                  LOG.log(
                      System.Logger.Level.INFO,
                      "Checkpoint " + c.number() + " taken, tree size " + c.treeSize()));
    } catch (RuntimeException e) {
      // the next interval tries again; a database outage must not end the timer
      LOG.log(System.Logger.Level.WARNING, "The scheduled checkpoint failed", e);
    }
  }
}
