package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The security decision is taken on the path the application really serves: every spelling of a
 * protected path needs a login, and with one answers as the plain path does (or is refused as
 * malformed). Sent byte for byte over a socket, as {@code curl --path-as-is} would, so no client
 * library normalises the path first.
 */
class PathSpellingTest extends HttpTestSupport {

  @ParameterizedTest(name = "{0} → {1} without a login, {2} as ds")
  @CsvSource(
      delimiter = '|',
      value = {
        // plain paths, for comparison
        "/api/models                    | 401 | 200",
        "/engine-rest/engine            | 401 | 200",
        // percent-encoded letters decode to the same path: the same decision
        "/%61pi/models                  | 401 | 200",
        "/%61pi/datasets/ds-x/file      | 401 | 404",
        "/%61pi/audit/verify            | 401 | 403",
        // Camunda's REST API matches its resources on the path as sent: found only when spelled
        // plainly
        "/engine-rest/%65ngine          | 401 | 404",
        // not in normal form: refused by the firewall before anything else
        "/%2561pi/models                | 400 | 400",
        "/%65ngine-rest/engine          | 400 | 400",
        "//api/models                   | 400 | 400",
        "/api/./models                  | 400 | 400",
        "/api/../api/models             | 400 | 400",
        "/api;x=1/models                | 400 | 400",
        "/camunda/..;/api/models        | 400 | 400",
        "/api%2Fmodels                  | 400 | 400",
        // other paths: a login first, then nothing is found there
        "/API/models                    | 401 | 404",
        "/api/models/                   | 401 | 404",
        "/api/models%20                 | 401 | 404",
        "/unknown                       | 401 | 404",
      })
  void everySpellingNeedsALoginAndAnswersAsThePlainPathDoes(
      String path, int anonymous, int asDataScientist) {
    assertThat(status(path, null)).as("%s without a login", path).isEqualTo(anonymous);
    assertThat(status(path, "ds")).as("%s as ds", path).isEqualTo(asDataScientist);
  }

  private int status(String path, String user) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder request =
          new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
      if (user != null) {
        request
            .append("Authorization: Basic ")
            .append(
                Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
