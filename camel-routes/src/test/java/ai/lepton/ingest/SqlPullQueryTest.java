package ai.lepton.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.engagement.SqlPullRefusedException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlPullQueryTest {

  private static final List<String> ALLOWED = List.of("customers", "crm.orders");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM customers",
        "select \"state\", COUNT(*) AS n FROM customers WHERE \"state\" <> 'KS' GROUP BY \"state\"",
        "SELECT c.id, o.total FROM customers c JOIN crm.orders o ON o.customer = c.id",
        "SELECT CAST(total_day_minutes AS DOUBLE) AS m, UPPER(TRIM(name)) FROM customers",
        "WITH recent AS (SELECT * FROM customers WHERE signed > DATE '2020-01-01') SELECT * FROM recent",
        "SELECT * FROM customers WHERE id IN (SELECT customer FROM crm.orders)",
        "SELECT * FROM \"CUSTOMERS\" /* the whole table */",
        "SELECT ROUND(AVG(total), 2), ROW_NUMBER() OVER (ORDER BY id) FROM crm.orders GROUP BY id"
      })
  void everydaySelectsOverAllowedTablesPass(String sql) {
    SqlPullQuery query = SqlPullQuery.check(sql, ALLOWED);
    assertThat(query.sql()).doesNotContain("/*");
    assertThat(query.tables()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      SELECT CAST(FILE_READ('/etc/passwd',NULL) AS VARCHAR) AS "f",'a' AS "class" FROM customers | function FILE_READ
      SELECT CAST(FILE_READ('/etc/passwd',NULL) AS VARCHAR) AS "f",'a' AS "class" FROM SYSTEM_RANGE(1,1) | table function SYSTEM_RANGE
      SELECT FILE_WRITE(X'41', '/tmp/lepton-pwned') FROM customers | function FILE_WRITE
      SELECT * FROM LINK_SCHEMA('L', '', 'jdbc:h2:file:/data/lepton', 'sa', '', 'PUBLIC') | table function LINK_SCHEMA
      SELECT ID_, PWD_, SALT_ FROM L.ACT_ID_USER | L.ACT_ID_USER
      SELECT * FROM CSVREAD('/etc/passwd') | table function CSVREAD
      RUNSCRIPT FROM '/tmp/evil.sql' | not a SELECT Lepton can read: Encountered unexpected token: "RUNSCRIPT"
      CALL FILE_READ('/etc/passwd') | must be a SELECT
      SELECT * FROM customers; DROP TABLE customers | exactly one statement, not 2
      SELECT * FROM customers /* */; /* */ DELETE FROM customers | exactly one statement, not 2
      SELECT * FROM other_client.customers | other_client.customers
      SELECT * FROM customers WHERE id IN (SELECT id FROM payroll) | payroll
      SELECT * FROM INFORMATION_SCHEMA.USERS | INFORMATION_SCHEMA.USERS
      SELECT NEXT VALUE FOR seq FROM customers | sequence
      SELECT * FROM customers FOR UPDATE | locking read
      DELETE FROM customers | must be a SELECT, not DELETE
      SELECT * INTO copy FROM customers | INTO
      SELECT crm.evil(id) FROM customers | function crm.evil
      SELECT 1 | reads no table
      """)
  void theAttacksAreRefusedByName(String sql, String named) {
    assertThatThrownBy(() -> SqlPullQuery.check(sql, ALLOWED))
        .isInstanceOf(SqlPullRefusedException.class)
        .hasMessageContaining(named);
  }
}
