package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.converters.CSVLoader;
import weka.core.converters.ConverterUtils.DataSource;

class IdentifierColumnsTest {

  private static Instances load(String resource) throws Exception {
    try (InputStream in = IdentifierColumnsTest.class.getResourceAsStream(resource)) {
      if (resource.endsWith(".csv")) {
        CSVLoader loader = new CSVLoader();
        loader.setMissingValue("NA");
        loader.setSource(in);
        return loader.getDataSet();
      }
      return new DataSource(in).getDataSet();
    }
  }

  private static List<String> identifiers(Instances data) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < data.numAttributes(); i++) {
      if (IdentifierColumns.reason(data, i).isPresent()) {
        found.add(data.attribute(i).name());
      }
    }
    return found;
  }

  @Test
  void theMonthsOfASalesSeriesAndItsSalesAreNotIdentifiers() throws Exception {
    Instances wine = load("/data/wine.arff");
    assertThat(wine.attribute("Date").isDate()).isTrue();
    assertThat(wine.attributeStats(wine.attribute("Date").index()).distinctCount)
        .isEqualTo(wine.numInstances());
    assertThat(identifiers(wine)).isEmpty();
    Map<String, Object> profile = DatasetProfiler.profile(wine, "Fortified");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attributes = (List<Map<String, Object>>) profile.get("attributes");
    assertThat(attributes)
        .filteredOn(a -> a.get("name").equals("Date"))
        .singleElement()
        .satisfies(date -> assertThat(date.get("identifierLike")).isEqualTo(false));
  }

  @Test
  void aCountWithADifferentValueInEveryRowIsAMeasurementNotAnIdentifier() throws Exception {
    Instances churn = load("/data/wa_churn.csv");
    Instances days =
        new Instances(
            "trading days",
            new ArrayList<>(List.of(new Attribute("Volume"), new Attribute("Close"))),
            0);
    java.util.Random random = new java.util.Random(7);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    while (days.numInstances() < 500) {
      long volume = 1_000_000 + random.nextInt(9_000_000);
      if (seen.add(volume)) {
        days.add(new DenseInstance(1.0, new double[] {volume, 100 + random.nextGaussian()}));
      }
    }
    assertThat(identifiers(days)).isEmpty();
    assertThat(identifiers(churn))
        .isEmpty(); // tenure, charges: measurements, even where all distinct
  }

  @Test
  void rowNumbersCustomerLabelsAndIdsByNameAreStillIdentifiers() throws Exception {
    Instances churn = load("/data/wa_churn.csv");
    churn.insertAttributeAt(new Attribute("customer_ref", (List<String>) null), 0);
    churn.insertAttributeAt(new Attribute("row"), 0);
    churn.insertAttributeAt(new Attribute("accountID"), 0);
    for (int r = 0; r < churn.numInstances(); r++) {
      churn.instance(r).setValue(churn.attribute("customer_ref"), String.format("%04d-CUST", r));
      churn.instance(r).setValue(churn.attribute("row"), r + 1);
      churn
          .instance(r)
          .setValue(
              churn.attribute("accountID"), 7_000_000 + 13L * r * r % 999_983 + r * 1_000_003L);
    }
    assertThat(identifiers(churn)).containsExactlyInAnyOrder("customer_ref", "row", "accountID");
    assertThat(IdentifierColumns.reason(churn, churn.attribute("row").index()).orElseThrow())
        .contains("1, 2 ... " + churn.numInstances());
  }
}
