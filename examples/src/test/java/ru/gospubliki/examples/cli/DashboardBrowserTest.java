package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a ЦУР employee uses it, in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): {@code gospubliki serve --sandbox}, log in with the printed key, see
 * the sample district's table, open an organisation, download the XLSX and read it back. Runs in
 * the {@code browser} profile: {@code mvn -B verify -Pbrowser}.
 */
class DashboardBrowserTest {
  static final String CHROMIUM = System.getProperty("gospubliki.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("gospubliki.chromedriver", "/usr/bin/chromedriver");

  @Test
  void logInSeeTheSampleDistrictOpenAnOrganisationAndDownloadTheXlsx(@TempDir Path dir) throws Exception {
    PipedInputStream piped = new PipedInputStream(64 * 1024);
    PrintStream out = new PrintStream(new PipedOutputStream(piped), true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    Map<String, String> env = new HashMap<>();
    env.put("GOSPUBLIKI_HOME", dir.resolve("home").toString());
    CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> Gospubliki.run(
        new String[] {"serve", "--sandbox", "--port", "0"}, env, out, System.err, stop));
    BufferedReader lines = new BufferedReader(new InputStreamReader(piped, StandardCharsets.UTF_8));
    String url = lines.readLine();
    String keyLine = lines.readLine();
    assertThat(url).startsWith("http://127.0.0.1:");
    String key = keyLine.substring(keyLine.lastIndexOf(' ') + 1);
    Path downloads = Files.createDirectories(dir.resolve("downloads"));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,1600");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false, "safebrowsing.enabled", false));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(url);
      assertThat(browser.getTitle()).contains("вход");
      browser.findElement(By.id("key")).sendKeys(key);
      browser.findElement(By.id("login")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connected")));
      assertThat(browser.findElement(By.id("connected")).getText()).matches("Подключено [0-9]+ из [0-9]+");
      String districts = browser.findElement(By.id("districts")).getText();
      assertThat(districts).contains("Заречный район", "33 из 33", "Озёрский район");
      assertThat(browser.findElement(By.cssSelector("svg.trend")).isDisplayed()).isTrue();
      screenshot(browser, "dashboard");

      browser.findElement(By.linkText("МБОУ СОШ № 1 с. Заречное")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("organization")));
      assertThat(browser.findElement(By.id("organization")).getText()).isEqualTo("МБОУ СОШ № 1 с. Заречное");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("https://vk.com/school1_zarechny",
          "Отметка «Госорганизация»");
      screenshot(browser, "organization");

      browser.findElement(By.partialLinkText("К району")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("export"))).click();
      Path xlsx = awaitDownload(downloads);
      try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
        List<Row> rows = workbook.findSheet("Районы").orElseThrow().read();
        assertThat(rows).anySatisfy(row -> {
          assertThat(row.getCellText(0)).isEqualTo("Заречный район");
          assertThat(row.getCellText(7)).isEqualTo("33 из 33");
        });
        assertThat(workbook.findSheet("Нарушения").orElseThrow().read().size()).isGreaterThan(1);
      }
      browser.findElement(By.id("logout")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key")));
    } finally {
      browser.quit();
      stop.countDown();
    }
    assertThat(serve.get(60, TimeUnit.SECONDS)).isZero();
  }

  static Path awaitDownload(Path downloads) throws Exception {
    for (int i = 0; i < 300; i++) {
      try (Stream<Path> files = Files.list(downloads)) {
        List<Path> done = files.filter(f -> f.toString().endsWith(".xlsx")).toList();
        if (!done.isEmpty()) return done.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no XLSX downloaded into " + downloads);
  }

  static void screenshot(WebDriver browser, String name) throws Exception {
    Path target = Path.of("target", "browser-test");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
