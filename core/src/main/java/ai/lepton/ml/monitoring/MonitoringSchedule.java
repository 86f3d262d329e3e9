package ai.lepton.ml.monitoring;

import ai.lepton.process.ProcessBeans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the maintenance phase checks a live model: {@code lepton.monitoring.cycle}, a BPMN time
 * cycle — an ISO 8601 repeating interval ({@code R/P1D}, the default: a day after the previous
 * check) or a cron expression ({@code 0 0 6 * * ?}: every morning at six). Read by the timer of
 * {@code ai-engagement} as {@code ${monitoringSchedule.cycle}}; a timer already waiting keeps the
 * cycle it started with.
 */
@Component(ProcessBeans.MONITORING_SCHEDULE)
public class MonitoringSchedule {

  private final String cycle;

  public MonitoringSchedule(@Value("${lepton.monitoring.cycle:R/P1D}") String cycle) {
    this.cycle = cycle;
  }

  public String getCycle() {
    return cycle;
  }
}
