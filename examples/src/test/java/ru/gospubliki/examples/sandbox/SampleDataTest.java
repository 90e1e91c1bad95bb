package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.gospubliki.examples.sandbox.SandboxClient.list;
import static ru.gospubliki.examples.sandbox.SandboxClient.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import ru.gospubliki.internal.Checksums;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.platform.FetchResult;

final class SampleDataTest {
  /** The headers as people write them: «Ссылка на ВК», «ОК», «E-mail», a MAX column and one the SDK does not know. */
  private static final List<String> HEADER = List.of("Наименование", "Район", "Тип", "ИНН", "ОГРН", "E-mail", "Сайт",
      "Ответственный", "Контакт ответственного", "Ссылка на ВК", "ОК", "MAX", "Подключено к Госпабликам", "Примечание");
  static final List<String> PAGE_COLUMNS = List.of("Ссылка на ВК", "ОК", "MAX");

  static List<CSVRecord> records(String csv) throws IOException {
    assertThat(csv).startsWith("\uFEFF");
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), format)) {
      return parser.getRecords();
    }
  }

  @Test
  void sampleRegistryHasFortyFourRowsAndExactlyTheDocumentedOddities() throws IOException {
    String csv = SandboxData.sample().registryCsv();
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF" + String.join(";", HEADER));
    List<CSVRecord> rows = records(csv);
    assertThat(rows).hasSize(44);
    List<String> badInn = new ArrayList<>();
    List<String> badRef = new ArrayList<>();
    List<String> otherPlatforms = new ArrayList<>();
    for (CSVRecord row : rows) {
      assertThat(row.size()).isEqualTo(14);
      if (Checksums.innProblem(row.get("ИНН")) != null) badInn.add(row.get("Наименование"));
      assertThat(Checksums.ogrnProblem(row.get("ОГРН"))).isNull();
      for (String column : PAGE_COLUMNS) {
        if (row.get(column).isEmpty()) continue;
        try {
          PageRef page = PageRef.parse(row.get(column));
          if (page.isPerson() || !List.of("vk", "ok").contains(page.platform().name())) otherPlatforms.add(page.url());
        } catch (IllegalArgumentException e) {
          badRef.add(row.get("Наименование"));
        }
      }
    }
    // An ИНН that fails its checksum and one Excel wrote as 2,70001E+09: warnings, the rows stay.
    assertThat(badInn).containsExactly("МБДОУ детский сад № 4 «Колокольчик»", "МБУ «Молодёжный центр»");
    assertThat(badRef).containsExactly("МБДОУ детский сад № 11 «Малыш»");
    assertThat(otherPlatforms).containsExactly("https://max.ru/zarechny_adm", "https://max.ru/join/Zr8kQ2mBvX",
        "max:-70000000000102", "https://max.ru/ds3_berezka", "https://facebook.com/teremok5", "https://max.ru/zarechny_rdk",
        "https://vk.com/id612345678", "https://ok.ru/profile/575000000001", "https://t.me/zarechny_dshi");
  }

  @Test
  void everyRegistryPageResolvesInTheSandboxExceptTheDocumentedMissingOne() throws IOException {
    List<String> unresolved = new ArrayList<>();
    try (Sandbox sandbox = Sandbox.startWithSampleData();
        MaxPlatform max = MaxPlatform.builder().baseUrl(sandbox.maxApiUrl()).botToken(sandbox.maxBotToken()).build()) {
      SandboxClient client = new SandboxClient(sandbox);
      assertThat(max.pollUpdates().added()).hasSize(4);
      for (CSVRecord row : records(sandbox.data().registryCsv())) {
        for (String column : PAGE_COLUMNS) {
          PageRef ref;
          try {
            ref = PageRef.parse(row.get(column));
          } catch (IllegalArgumentException e) {
            continue; // Empty, or the documented unreadable reference.
          }
          if (ref.isPerson() || !List.of(PlatformId.VK, PlatformId.OK, PlatformId.MAX).contains(ref.platform())) continue;
          boolean found;
          if (ref.platform() == PlatformId.MAX) {
            found = max.fetchProfiles(List.of(ref)).get(ref) instanceof FetchResult.Success;
          } else if (ref.platform() == PlatformId.VK) {
            found = client.vk("groups.getById", sandbox.vkServiceToken(), "group_ids", ref.id()).map()
                .containsKey("response");
          } else {
            found = !list(client.ok("group.getInfo", "uids", ref.id(), "fields", "name").body).isEmpty();
          }
          if (!found) unresolved.add(row.get(column));
        }
      }
      assertThat(sandbox.data().vkCommunities()).isEqualTo(35);
      assertThat(sandbox.data().okGroups()).isEqualTo(8);
      assertThat(sandbox.data().maxChannels()).isEqualTo(5);
    }
    // The sandbox bot is not an administrator of the culture house's channel.
    assertThat(unresolved).containsExactly("https://max.ru/zarechny_rdk", "https://vk.com/ds1_ozerny_missing");
  }

  @Test
  void expectedFindingsTableDocumentsEveryRegistryLine() throws IOException {
    String table;
    try (InputStream in = SandboxData.class.getResourceAsStream("sample-README.md")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<CSVRecord> rows = records(SandboxData.sample().registryCsv());
    for (int i = 0; i < rows.size(); i++) {
      String name = rows.get(i).get("Наименование");
      assertThat(table).contains("| " + (i + 2) + " | " + name + " |");
    }
  }

  @Test
  void syntheticDataIsDeterministicAndValid() throws IOException {
    SandboxData a = SandboxData.synthetic(1_700, 42L);
    assertThat(a.vkCommunities()).isEqualTo(1_700);
    assertThat(a.okGroups()).isEqualTo(340);
    assertThat(a.registryCsv()).isEqualTo(SandboxData.synthetic(1_700, 42L).registryCsv());
    List<CSVRecord> rows = records(a.registryCsv());
    assertThat(rows).hasSize(1_700);
    for (CSVRecord row : rows) {
      assertThat(Checksums.innProblem(row.get("ИНН"))).isNull();
      assertThat(Checksums.ogrnProblem(row.get("ОГРН"))).isNull();
    }
    try (Sandbox sandbox = Sandbox.start(a)) {
      String ids = rows.subList(0, 500).stream()
          .map(r -> PageRef.parse(r.get("ВКонтакте")).id()).collect(Collectors.joining(","));
      SandboxClient client = new SandboxClient(sandbox);
      assertThat(list(client.vk("groups.getById", sandbox.vkServiceToken(), "group_ids", ids)
          .response().get("groups"))).hasSize(500);
      String okId = PageRef.parse(rows.get(0).get("Одноклассники")).id();
      assertThat(map(list(client.ok("group.getInfo", "uids", okId, "fields", "name").body).get(0)))
          .containsEntry("uid", okId);
    }
    assertThatThrownBy(() -> SandboxData.synthetic(0, 1L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void startsFastEvenWithTwentyThousandCommunities() {
    long t0 = System.nanoTime();
    try (Sandbox sample = Sandbox.startWithSampleData()) {
      long sampleMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("sandbox start with sample data: " + sampleMs + " ms");
      assertThat(sampleMs).isLessThan(3_000);
    }
    long t1 = System.nanoTime();
    SandboxData big = SandboxData.synthetic(20_000, 7L);
    System.out.println("synthetic 20,000 generated in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
    try (Sandbox sandbox = Sandbox.start(big)) {
      long bigMs = (System.nanoTime() - t1) / 1_000_000;
      System.out.println("synthetic 20,000 communities generated and served in " + bigMs + " ms");
      assertThat(sandbox.data().vkCommunities()).isEqualTo(20_000);
    }
  }

  @Test
  void badDataIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> SandboxData.fromJson("{\"vk\":[{\"group\":{\"id\":1}}]}", ""))
        .hasMessageContaining("screen_name");
    assertThatThrownBy(() -> SandboxData.fromJson("{\"vk\":[{\"group\":{\"id\":1,\"screen_name\":\"a\"}},"
        + "{\"group\":{\"id\":1,\"screen_name\":\"b\"}}]}", "")).hasMessageContaining("duplicate vk group id: 1");
    assertThatThrownBy(() -> SandboxData.fromJson("{\"ok\":[{\"group\":{\"uid\":\"x\"}}]}", ""))
        .hasMessageContaining("uid");
    assertThatThrownBy(() -> SandboxData.fromJson("{", "")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SandboxData.fromJson("{\"max\":[{\"chat\":{\"chat_id\":5,\"link\":\"x\"}}]}", ""))
        .hasMessageContaining("max[].chat.chat_id must be negative: 5");
    assertThatThrownBy(() -> SandboxData.fromJson("{\"max\":[{\"chat\":{\"chat_id\":-5,\"link\":\"x\"}},"
        + "{\"chat\":{\"chat_id\":-5,\"link\":\"y\"}}]}", "")).hasMessageContaining("duplicate max chat_id: -5");
    assertThatThrownBy(() -> SandboxData.fromJson("{\"max\":[{\"chat\":{\"chat_id\":-5}}]}", ""))
        .hasMessageContaining("max chat -5 has no link");
  }
}
