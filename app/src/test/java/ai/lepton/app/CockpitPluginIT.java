package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Lepton's Cockpit plugins in a real browser, on the packaged jar with its demo engagements:
 * headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) logs into Cockpit as
 * each user, reads the "Engagements" dashboard and an engagement's tab, and saves screenshots to
 * {@code target/screenshots/}.
 *
 * <p>Needs the browser: {@code .ci/run} installs it and sets {@code LEPTON_IT_BROWSER=1}, which
 * turns a missing browser into a failure; elsewhere the test is skipped with a message saying what
 * to install.
 */
class CockpitPluginIT extends HttpCalls {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  static LeptonJar lepton;
  static Path work;
  WebDriver browser;

  @Override
  int port() {
    return lepton.port();
  }

  @BeforeAll
  static void startTheJarWithItsDemo() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("LEPTON_IT_BROWSER"))) {
      throw new AssertionError(
          "LEPTON_IT_BROWSER=1 but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: "
              + "apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present, "No headless browser here: apt-get install chromium chromium-driver");
    Path jar =
        Path.of(System.getProperty("lepton.jar", "target/lepton-app-0.1.0-SNAPSHOT.jar"))
            .toAbsolutePath();
    work = Files.createTempDirectory("lepton-cockpit-");
    lepton = new LeptonJar(jar, work, Map.of());
    lepton.start(Duration.ofMinutes(3));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (lepton != null) {
      lepton.stop();
    }
    if (work != null) {
      FileSystemUtils.deleteRecursively(work.toFile());
    }
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aProjectManagerSeesEveryEngagementOnTheDashboardAndOpensOne() throws Exception {
    demoSettled();
    logIn("pm");
    List<WebElement> rows = engagementRows(4);
    Map<String, String> phases =
        rows.stream()
            .collect(
                Collectors.toMap(
                    row -> row.getDomAttribute("data-engagement"),
                    row ->
                        row.findElement(By.cssSelector("td[data-phase]"))
                            .getDomAttribute("data-phase")));
    assertThat(phases)
        .containsEntry("ENG-DEMO-CHURN-RISK", "maintenance")
        .containsEntry("ENG-DEMO-CREDIT-RISK", "maintenance")
        .containsEntry("ENG-DEMO-CREDIT", "approval");
    WebElement credit = row("ENG-DEMO-CREDIT");
    assertThat(credit.getText()).contains("Demo Bank", "awaiting-approval", "model-risk-officers");
    assertThat(credit.findElement(By.linkText("Task")).getDomAttribute("href"))
        .contains("/app/tasklist/");
    assertThat(
            row("ENG-DEMO-CHURN-RISK").findElement(By.cssSelector(".lepton-card-link")).getText())
        .startsWith("mv-");
    screenshot("cockpit-engagements", browser.findElement(By.cssSelector(".lepton-engagements")));

    // the filters ask Lepton again
    new Select(browser.findElement(By.cssSelector(".lepton-filters select[name=status]")))
        .selectByValue("awaiting-approval");
    waitUntil(
        "only the engagement awaiting approval", () -> rowIds().equals(List.of("ENG-DEMO-CREDIT")));

    // the engagement's own tab, from the row's Cockpit link
    new Select(browser.findElement(By.cssSelector(".lepton-filters select[name=status]")))
        .selectByValue("");
    waitUntil("all rows again", () -> rowIds().size() >= 4);
    open(row("ENG-DEMO-CHURN-RISK").findElement(By.linkText("Cockpit")));
    Map<String, WebElement> sections =
        engagementTab(
            List.of(
                "Engagement",
                "Datasets",
                "Candidates",
                "Approval",
                "Deployment history",
                "Monitoring",
                "Audit entries"));
    assertThat(sections.get("Datasets").getText())
        .contains("wa_churn.csv", "wa_churn-prepared.arff");
    assertThat(sections.get("Candidates").findElements(By.cssSelector("tbody tr"))).hasSize(2);
    assertThat(sections.get("Approval").getText()).contains("approved", "mro", "CLEAR");
    assertThat(sections.get("Deployment history").getText()).contains("DEPLOYED");
    WebElement monitoring = sections.get("Monitoring");
    assertThat(monitoring.findElements(By.cssSelector("svg.lepton-drift-chart circle")))
        .as(monitoring.getDomProperty("outerHTML"))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(sections.get("Audit entries").getText()).contains("shown to auditors");
    showOnlyTheTabs();
    screenshot("cockpit-engagement-tab", browser.findElement(By.cssSelector(".lepton-engagement")));
  }

  @Test
  void anAuditorReadsTheEngagementsAuditTrailInItsTab() throws Exception {
    demoSettled();
    logIn("auditor");
    engagementRows(4);
    open(row("ENG-DEMO-CHURN-RISK").findElement(By.linkText("Cockpit")));
    WebElement audit = engagementTab(List.of("Audit entries")).get("Audit entries");
    assertThat(audit.findElements(By.cssSelector("table.lepton-audit tbody tr"))).isNotEmpty();
    assertThat(audit.getText()).contains("ENGAGEMENT_OPENED", "APPROVAL_GRANTED");
    showOnlyTheTabs();
    screenshot(
        "cockpit-engagement-tab-auditor",
        browser.findElement(By.cssSelector(".lepton-engagement")));
  }

  @Test
  void aCreditOfficerIsNotLetIntoCockpit() {
    logInExpectingRefusal("co");
    assertThat(browser.findElements(By.cssSelector(".lepton-engagements"))).isEmpty();
  }

  /**
   * The demo has trained, deployed, and its churn model has been checked on two months of the
   * client's data.
   */
  void demoSettled() {
    waitFor(
        "the demo engagements",
        Duration.ofMinutes(4),
        () -> {
          JsonNode page = get("pm", "/api/engagements?size=50").json();
          return page.path("total").asInt() >= 4
              && page.path("engagements").findValuesAsText("status").contains("awaiting-approval");
        });
    waitFor(
        "the churn model live and watched",
        Duration.ofMinutes(4),
        () ->
            get("pm", "/api/engagements/ENG-DEMO-CHURN-RISK")
                .json()
                .path("currentSteps")
                .toString()
                .contains("Gateway_NextCheck"));
    String live =
        get("pm", "/api/engagements?q=ENG-DEMO-CHURN-RISK")
            .json()
            .at("/engagements/0/liveModelVersionId")
            .asText();
    assertThat(live).startsWith("mv-");
    if (get("pm", "/api/models/" + live + "/monitoring").json().size() >= 2) {
      return;
    }
    String[] lines = new String(waChurn(), StandardCharsets.UTF_8).split("\n");
    String may = String.join("\n", List.of(lines).subList(0, 801)) + "\n";
    String june =
        Stream.concat(Stream.of(lines[0]), Stream.of(lines).skip(801).limit(800))
                .collect(Collectors.joining("\n"))
            + "\n";
    for (String[] data : new String[][] {{"may.csv", may}, {"june.csv", june}}) {
      int before = get("pm", "/api/models/" + live + "/monitoring").json().size();
      Reply sent =
          post(
              "ds",
              "/api/engagements/ENG-DEMO-CHURN-RISK/monitoring-data?name=" + data[0],
              "text/csv",
              data[1].getBytes(StandardCharsets.UTF_8));
      assertThat(sent.status()).as(sent.text()).isEqualTo(201);
      waitFor(
          "the check of " + data[0],
          Duration.ofMinutes(2),
          () ->
              get("pm", "/api/models/" + live + "/monitoring").json().size() > before
                  && get("pm", "/api/engagements/ENG-DEMO-CHURN-RISK")
                      .json()
                      .path("currentSteps")
                      .toString()
                      .contains("Gateway_NextCheck"));
    }
  }

  void logIn(String user) {
    openLogin(user);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage(user + " on the dashboard")
        .until(d -> !d.findElements(By.cssSelector(".lepton-engagements")).isEmpty());
  }

  void logInExpectingRefusal(String user) {
    openLogin(user);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .withMessage("a refusal for " + user)
        .until(
            d ->
                d.findElements(By.cssSelector(".alert-danger")).stream()
                    .anyMatch(alert -> alert.getText().contains("Login Failed")));
    assertThat(browser.getCurrentUrl()).contains("#/login");
  }

  private void openLogin(String user) {
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1500,2000");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    browser.get("http://localhost:" + port() + "/camunda/app/cockpit/default/#/login");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("Cockpit's login form")
        .until(
            d ->
                d.getCurrentUrl().contains("#/login")
                    && Boolean.TRUE.equals(
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "var form = document.querySelector('form[name=signinForm]');"
                                    + " return !!(form && window.angular && angular.element(form).scope());")));
    sleep(1_000); // Cockpit redraws its login once it has asked whether someone is logged in
    // Keys typed by the driver do not reach Cockpit's login page (served in a CSP sandbox) under
    // headless
    // Chromium, so the form's own login function is called with the name and password, as the
    // button would
    ((JavascriptExecutor) browser)
        .executeScript(
            "var user = arguments[0];"
                + " var form = angular.element(document.querySelector('form[name=signinForm]')).scope();"
                + " form.$apply(function () { form.username = user; form.password = user; });"
                + " form.$apply(function () { form.login(); });",
            user);
  }

  List<WebElement> engagementRows(int atLeast) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage(atLeast + " engagement rows")
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector(".lepton-engagement-table tbody tr")).size()
                    >= atLeast);
    return browser.findElements(By.cssSelector(".lepton-engagement-table tbody tr"));
  }

  List<String> rowIds() {
    return browser.findElements(By.cssSelector(".lepton-engagement-table tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-engagement"))
        .toList();
  }

  WebElement row(String engagementId) {
    return browser.findElement(
        By.cssSelector(".lepton-engagement-table tr[data-engagement='" + engagementId + "']"));
  }

  Map<String, WebElement> engagementTab(List<String> expected) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(StaleElementReferenceException.class);
    wait.withMessage("Cockpit's instance view with the Engagement tab")
        .until(d -> !d.findElements(By.xpath("//a[normalize-space(.)='Engagement']")).isEmpty());
    click(browser.findElement(By.xpath("//a[normalize-space(.)='Engagement']")));
    wait.withMessage("the engagement's sections " + expected)
        .until(
            d ->
                d.findElements(By.cssSelector(".lepton-section")).stream()
                    .map(s -> s.getDomAttribute("data-section"))
                    .toList()
                    .containsAll(expected));
    return browser.findElements(By.cssSelector(".lepton-section")).stream()
        .collect(Collectors.toMap(s -> s.getDomAttribute("data-section"), s -> s, (a, b) -> a));
  }

  /** Folds away the diagram and the side panel, as a user does to read a long tab. */
  void showOnlyTheTabs() {
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelector('a.hide-collapsable.vertical-collapse')"
                + ".click(); document.querySelector('a.hide-collapsable.pull-right').click();");
    sleep(800);
  }

  /**
   * Follows a link as its page resolves it (a new page load, as when the user opens it in a new
   * tab).
   */
  void open(WebElement link) {
    browser.get(link.getDomProperty("href"));
  }

  /**
   * Clicks through the page's own event dispatch: pointer and key events the driver injects do not
   * reach Cockpit's pages (served in a CSP sandbox) under headless Chromium after a login.
   */
  void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
  }

  void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .withMessage(what)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  /** The whole window, and the plugin's own part of it. */
  void screenshot(String name, WebElement part) throws Exception {
    Files.write(
        SCREENSHOTS.resolve(name + "-window.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true)", part);
    Files.write(SCREENSHOTS.resolve(name + ".png"), part.getScreenshotAs(OutputType.BYTES));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
