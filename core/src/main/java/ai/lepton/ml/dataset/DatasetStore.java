package ai.lepton.ml.dataset;

import ai.lepton.ml.Json;
import ai.lepton.ml.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import weka.core.Instances;

/**
 * Lepton's immutable dataset store: raw bytes by SHA-256, one metadata row per dataset, profiles
 * appended.
 */
@Component
public class DatasetStore {

  private static final String INSERT_CONTENT =
      "INSERT INTO lepton_dataset_content (sha256, size_bytes, content) VALUES (?, ?, ?)";
  private static final String CONTENT_EXISTS =
      "SELECT COUNT(*) FROM lepton_dataset_content WHERE sha256 = ?";
  private static final String INSERT_DATASET =
      "INSERT INTO lepton_dataset (id, engagement_key, name, format, sha256, row_count, attribute_count, schema_json,"
          + " derived_from, preparation_json, created_by, created_at, source_sha256, pseudonymised_columns)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_DATASET =
      "SELECT d.*, c.size_bytes FROM lepton_dataset d JOIN lepton_dataset_content c ON c.sha256 = d.sha256";
  private static final String SELECT_CONTENT =
      "SELECT c.content FROM lepton_dataset d JOIN lepton_dataset_content c ON c.sha256 = d.sha256 WHERE d.id = ?";
  private static final String INSERT_PROFILE =
      "INSERT INTO lepton_dataset_profile (dataset_id, target_attribute, profile_json, created_at) VALUES (?, ?, ?, ?)";
  private static final String INSERT_QUARANTINE =
      "INSERT INTO lepton_quarantine_row (dataset_id, line_number, reason, fields_json) VALUES (?, ?, ?, ?)";
  private static final String QUARANTINE =
      "SELECT line_number, reason, fields_json FROM lepton_quarantine_row WHERE dataset_id = ? ORDER BY line_number";
  private static final String LATEST_PROFILE =
      "SELECT profile_json FROM lepton_dataset_profile WHERE dataset_id = ? ORDER BY id DESC";

  /**
   * Parsed datasets by content: safe to keep because stored bytes never change; each caller gets a
   * copy.
   */
  private static final int PARSED_CACHE_SIZE = 8;

  private final JdbcTemplate jdbc;
  private final Map<String, Instances> parsedByContent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instances> eldest) {
              return size() > PARSED_CACHE_SIZE;
            }
          });

  public DatasetStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What the ingest pipeline hands over: the bytes to keep and what they came from. */
  public record Upload(
      String engagementKey,
      String name,
      byte[] content,
      DatasetReader.Parsed parsed,
      List<BadRow> badRows,
      String sourceSha256,
      List<String> pseudonymisedColumns,
      String createdBy) {}

  /** Stores what a client sent, exactly as sent, with the rows that were set aside. */
  public StoredDataset storeUpload(
      String engagementKey,
      String name,
      byte[] bytes,
      DatasetReader.Parsed parsed,
      String createdBy) {
    return store(
        new Upload(
            engagementKey,
            name,
            bytes,
            parsed,
            parsed.badRows(),
            Sha256.hex(bytes),
            List.of(),
            createdBy));
  }

  /**
   * Stores an upload: its content (the client's bytes, or a pseudonymised copy of them) and the
   * rows set aside.
   */
  public StoredDataset store(Upload upload) {
    StoredDataset stored =
        insert(
            upload.engagementKey(),
            upload.name(),
            upload.parsed().format(),
            upload.content(),
            upload.parsed().instances(),
            null,
            null,
            upload.createdBy(),
            upload.sourceSha256(),
            upload.pseudonymisedColumns());
    jdbc.batchUpdate(
        INSERT_QUARANTINE,
        upload.badRows(),
        500,
        (statement, row) -> {
          statement.setString(1, stored.id());
          statement.setLong(2, row.line());
          statement.setString(3, row.reason());
          statement.setString(4, Json.write(row.fields()));
        });
    return stored;
  }

  /** The dataset a client already sent to this engagement with exactly these bytes, if any. */
  public Optional<StoredDataset> findUpload(String engagementKey, String sha256) {
    return jdbc
        .query(
            SELECT_DATASET
                + " WHERE d.engagement_key = ? AND d.source_sha256 = ? AND d.derived_from IS NULL"
                + " ORDER BY d.created_at",
            this::map,
            engagementKey,
            sha256)
        .stream()
        .findFirst();
  }

  public List<BadRow> quarantine(String datasetId) {
    get(datasetId);
    return jdbc.query(
        QUARANTINE,
        (rs, n) -> new BadRow(rs.getLong(1), rs.getString(2), Json.readStrings(rs.getString(3))),
        datasetId);
  }

  /**
   * Stores a dataset Lepton derived from another one, with the recipe that repeats the derivation.
   */
  public StoredDataset storeDerived(
      StoredDataset parent, Instances derived, List<Map<String, Object>> recipe) {
    byte[] arff = toArff(derived);
    String name = parent.name().replaceFirst("\\.(csv|arff)$", "") + "-prepared.arff";
    return insert(
        parent.engagementKey(),
        name,
        DatasetFormat.ARFF,
        arff,
        derived,
        parent.id(),
        recipe,
        null,
        null,
        parent.pseudonymisedColumns());
  }

  /**
   * Stores the data a model is retrained on: its training data with new labelled rows appended, for
   * the engagement that retrains it, derived from {@code parent} with the recipe that names where
   * the rows came from.
   */
  public StoredDataset storeRetraining(
      String engagementKey,
      StoredDataset parent,
      Instances data,
      List<Map<String, Object>> recipe) {
    String name =
        parent.name().replaceFirst("(-retraining)?\\.(csv|arff)$", "") + "-retraining.arff";
    return insert(
        engagementKey,
        name,
        DatasetFormat.ARFF,
        toArff(data),
        data,
        parent.id(),
        recipe,
        null,
        null,
        parent.pseudonymisedColumns());
  }

  private StoredDataset insert(
      String engagementKey,
      String name,
      DatasetFormat format,
      byte[] bytes,
      Instances data,
      String derivedFrom,
      List<Map<String, Object>> recipe,
      String createdBy,
      String sourceSha256,
      List<String> pseudonymised) {
    String sha256 = Sha256.hex(bytes);
    String source = sourceSha256 == null ? sha256 : sourceSha256;
    List<String> personal = pseudonymised == null ? List.of() : pseudonymised;
    storeContent(sha256, bytes);
    String id = "ds-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Instant now = Instant.now();
    List<Map<String, Object>> schema = DatasetSchema.of(data);
    jdbc.update(
        INSERT_DATASET,
        id,
        engagementKey,
        name,
        format.wireName(),
        sha256,
        data.numInstances(),
        data.numAttributes(),
        Json.write(schema),
        derivedFrom,
        recipe == null ? null : Json.write(recipe),
        createdBy,
        Timestamp.from(now),
        source,
        Json.write(personal));
    return new StoredDataset(
        id,
        engagementKey,
        name,
        format,
        sha256,
        bytes.length,
        data.numInstances(),
        data.numAttributes(),
        schema,
        derivedFrom,
        recipe,
        createdBy,
        now,
        source,
        personal);
  }

  private void storeContent(String sha256, byte[] bytes) {
    Integer existing = jdbc.queryForObject(CONTENT_EXISTS, Integer.class, sha256);
    if (existing != null && existing > 0) {
      return;
    }
    try {
      jdbc.update(INSERT_CONTENT, sha256, bytes.length, bytes);
    } catch (DuplicateKeyException sameBytesStoredConcurrently) {
      // Content-addressed: the other writer stored identical bytes.
    }
  }

  public Optional<StoredDataset> find(String id) {
    return jdbc.query(SELECT_DATASET + " WHERE d.id = ?", this::map, id).stream().findFirst();
  }

  public List<StoredDataset> findByEngagement(String engagementKey) {
    return jdbc.query(
        SELECT_DATASET + " WHERE d.engagement_key = ? ORDER BY d.created_at",
        this::map,
        engagementKey);
  }

  public StoredDataset get(String id) {
    return find(id).orElseThrow(() -> new UnknownDatasetException(id));
  }

  public byte[] content(String id) {
    return jdbc.query(SELECT_CONTENT, (rs, n) -> rs.getBytes(1), id).stream()
        .findFirst()
        .orElseThrow(() -> new UnknownDatasetException(id));
  }

  /**
   * The dataset as Weka data, a fresh copy the caller may change. Several candidates train on one
   * prepared dataset, so the parse is done once per content, format and name (a CSV's name is its
   * relation's, which a dataset derived from it carries).
   */
  public Instances load(String id) {
    StoredDataset dataset = get(id);
    String key = dataset.sha256() + "/" + dataset.format() + "/" + dataset.name();
    Instances parsed = parsedByContent.get(key);
    if (parsed == null) {
      parsed =
          DatasetReader.read(content(id), dataset.format(), dataset.name(), ReadLimits.ACCEPTED)
              .instances();
      parsedByContent.put(key, parsed);
    }
    return new Instances(parsed);
  }

  public void addProfile(String datasetId, String targetAttribute, Map<String, Object> profile) {
    jdbc.update(
        INSERT_PROFILE,
        datasetId,
        targetAttribute,
        Json.write(profile),
        Timestamp.from(Instant.now()));
  }

  public Optional<Map<String, Object>> latestProfile(String datasetId) {
    return jdbc.query(LATEST_PROFILE, (rs, n) -> Json.readMap(rs.getString(1)), datasetId).stream()
        .findFirst();
  }

  private StoredDataset map(ResultSet rs, int rowNum) throws SQLException {
    return new StoredDataset(
        rs.getString("id"),
        rs.getString("engagement_key"),
        rs.getString("name"),
        DatasetFormat.valueOf(rs.getString("format").toUpperCase(java.util.Locale.ROOT)),
        rs.getString("sha256"),
        rs.getLong("size_bytes"),
        rs.getInt("row_count"),
        rs.getInt("attribute_count"),
        Json.readList(rs.getString("schema_json")),
        rs.getString("derived_from"),
        Json.readList(rs.getString("preparation_json")),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("source_sha256"),
        rs.getString("pseudonymised_columns") == null
            ? List.of()
            : Json.readStrings(rs.getString("pseudonymised_columns")));
  }

  /**
   * The data as ARFF, as stored for derived and pseudonymised datasets: Weka's header, and every
   * number as the shortest text that reads back as the same double. Weka's own text keeps six
   * decimal places, which would round a client's 0.1029718 to 0.102972 and 3.3e-10 to 0: the stored
   * data would no longer be the data.
   */
  public static byte[] toArff(Instances data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      writer.write(new Instances(data, 0).toString());
      for (weka.core.Instance row : data) {
        writer.write('\n');
        writer.write(row instanceof weka.core.SparseInstance ? row.toString() : exactRow(row));
      }
      writer.write('\n');
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write ARFF in memory", e);
    }
    return out.toByteArray();
  }

  private static String exactRow(weka.core.Instance row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.numAttributes(); i++) {
      if (i > 0) {
        line.append(',');
      }
      weka.core.Attribute attribute = row.attribute(i);
      if (!row.isMissing(i) && attribute.isNumeric() && !attribute.isDate()) {
        double value = row.value(i);
        line.append(
            value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value));
      } else {
        line.append(row.toString(i));
      }
    }
    if (row.weight() != 1.0) {
      line.append(",{").append(Double.toString(row.weight())).append('}');
    }
    return line.toString();
  }
}
