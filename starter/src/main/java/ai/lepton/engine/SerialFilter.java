package ai.lepton.engine;

import java.io.ObjectInputFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;

/**
 * A JVM-wide deserialization filter ({@code jdk.serialFilter}): Java serialization in this process
 * may build only what Weka models and their copies are made of (Weka copies a learner by
 * serializing it for every fold). Model files have a stricter filter of their own ({@code
 * ModelFileReader}). An administrator's {@code -Djdk.serialFilter} wins.
 */
@Configuration(proxyBeanMethods = false)
public class SerialFilter {

  /**
   * Weka, the JDK value and collection types its models hold, the matrix library some learners use,
   * and a file name (a word-vector filter keeps the path of a dictionary it never writes here: the
   * option is refused).
   */
  public static final String PATTERN =
      "maxdepth=1000;maxrefs=50000000;maxarray=200000000;"
          + "weka.**;java.lang.*;java.util.**;java.text.*;java.math.*;java.time.*;no.uib.cipr.matrix.**;java.io.File;"
          + "sun.util.calendar.ZoneInfo;!*";

  private static final Logger LOG = LoggerFactory.getLogger(SerialFilter.class);

  static {
    if (ObjectInputFilter.Config.getSerialFilter() == null) {
      ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(PATTERN));
    } else {
      LOG.info("Keeping the JVM's own jdk.serialFilter");
    }
  }
}
