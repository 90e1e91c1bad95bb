package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformJsonTest {
  public record Flags(@Nullable Boolean closed, boolean verified) {}

  public record Address(@Nullable String title) {}

  public record Group(long id, @Nullable String name, @Json(name = "is_closed") @Nullable Long isClosed,
      @Nullable Address address) {}

  public record Groups(Each<Group> groups) {}

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"closed\":true,\"verified\":false}|true|false",
      "{\"closed\":1,\"verified\":0}|true|false",
      "{\"closed\":\"1\",\"verified\":\"0\"}|true|false",
      "{\"closed\":\"false\",\"verified\":\"true\"}|false|true"})
  void booleansComeInEveryFormThePlatformsSend(String json, boolean closed, boolean verified) throws IOException {
    Flags flags = PlatformJson.moshi().adapter(Flags.class).fromJson(json);

    assertThat(flags.closed()).isEqualTo(closed);
    assertThat(flags.verified()).isEqualTo(verified);
  }

  @Test
  void aBooleanOfAnotherShapeNamesItsPath() {
    JsonAdapter<Flags> adapter = PlatformJson.moshi().adapter(Flags.class);

    assertThatThrownBy(() -> adapter.fromJson("{\"closed\":2,\"verified\":1}"))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("$.closed");
  }

  @Test
  void idsAreHeldAsLongWhetherNumbersOrStringsBeyondDoublePrecision() throws IOException {
    JsonAdapter<Group> adapter = PlatformJson.moshi().adapter(Group.class);

    assertThat(adapter.fromJson("{\"id\":\"9007199254740993\",\"name\":5}").id()).isEqualTo(9_007_199_254_740_993L);
    assertThat(adapter.fromJson("{\"id\":9007199254740993}").id()).isEqualTo(9_007_199_254_740_993L);
    assertThat(adapter.fromJson("{\"id\":1,\"name\":5}").name()).isEqualTo("5");
    assertThatThrownBy(() -> adapter.fromJson("{\"id\":1.5}")).isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.id");
  }

  @Test
  void anEmptyArrayWhereAnObjectBelongsIsNull() throws IOException {
    JsonAdapter<Group> adapter = PlatformJson.moshi().adapter(Group.class);

    assertThat(adapter.fromJson("{\"id\":1,\"address\":[]}").address()).isNull();
    assertThat(adapter.fromJson("{\"id\":1,\"address\":{\"title\":\"Школа\"}}").address()).isEqualTo(new Address("Школа"));
    assertThatThrownBy(() -> adapter.fromJson("{\"id\":1,\"address\":[1]}")).isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.address");
  }

  @Test
  void oneMalformedItemIsReportedWithItsPathAndTheOthersAreRead() throws IOException {
    Groups groups = PlatformJson.moshi().adapter(Groups.class).fromJson("{\"groups\":["
        + "{\"id\":1,\"name\":\"a\"},{\"id\":\"x\"},null,{\"id\":3,\"is_closed\":{\"a\":1}},{\"id\":4}]}");

    assertThat(groups.groups().items()).extracting(Group::id).containsExactly(1L, 4L);
    List<Each.Malformed> bad = groups.groups().malformed();
    assertThat(bad).extracting(Each.Malformed::index).containsExactly(1, 2, 3);
    assertThat(bad.get(0).path()).isEqualTo("$.groups[1]");
    assertThat(bad.get(0).problem()).contains("$.groups[1].id");
    assertThat(bad.get(2).problem()).contains("$.groups[3].is_closed");
  }

  @Test
  void describesABadValueInRussianWithItsPath() {
    String text = PlatformJson.describe(new JsonDataException("Expected a long but was STRING at path $.response[3].date[5]"));

    assertThat(text).isEqualTo("некорректное значение по пути $.response[3].date[5]: ожидалось: целое число, пришло: строка");
  }

  /** What a ЦУР employee reads says in Russian what was expected and what came; Moshi's English never shows. */
  @Test
  void whatMoshiAndTheQuirksSayIsSaidInRussian() throws IOException {
    JsonAdapter<Group> group = PlatformJson.moshi().adapter(Group.class);
    assertThat(describe(() -> group.fromJson("{\"id\":\"двенадцать\"}")))
        .isEqualTo("некорректное значение по пути $.id: ожидалось: целое число, пришло: «двенадцать»");
    assertThat(describe(() -> group.fromJson("{\"id\":1,\"is_closed\":{\"a\":1}}")))
        .isEqualTo("некорректное значение по пути $.is_closed: ожидалось: целое число, пришло: объект");
    assertThat(describe(() -> group.fromJson("[1,2]")))
        .isEqualTo("некорректное значение по пути $: ожидалось: объект, пришло: непустой массив");
    assertThat(describe(() -> PlatformJson.moshi().adapter(Flags.class).fromJson("{\"closed\":\"maybe\"}")))
        .isEqualTo("некорректное значение по пути $.closed: ожидалось: true, false, 1 или 0, пришло: «maybe»");
    assertThat(describe(() -> PlatformJson.moshi().adapter(Flags.class).fromJson("{\"closed\":2}")))
        .isEqualTo("некорректное значение по пути $.closed: ожидалось: true, false, 1 или 0, пришло: «2»");
    assertThat(describe(() -> PlatformJson.moshi().adapter(Flags.class).fromJson("{\"closed\":[]}")))
        .isEqualTo("некорректное значение по пути $.closed: ожидалось: true или false, пришло: массив");
    assertThat(describe(() -> PlatformJson.moshi().adapter(Group.class).nonNull().fromJson("null")))
        .isEqualTo("некорректное значение по пути $: ожидалось: значение, пришло: null");
    assertThat(PlatformJson.describe(new JsonDataException("Required value 'id' (JSON name 'group_id') missing at $[2]")))
        .isEqualTo("в ответе нет обязательного поля «group_id» по пути $[2]");
    assertThat(PlatformJson.describe(new JsonDataException("Expected one of [A, B] but was C at path $.kind")))
        .isEqualTo("некорректное значение по пути $.kind: ожидалось: одно из значений «[A, B]», пришло: «C»");
    assertThat(PlatformJson.describe(new JsonDataException("Expected something new but was "
        + "x".repeat(100_000) + " at path $.x")))
        .isEqualTo("некорректное значение по пути $.x: ожидалось: значение другого вида, пришло: «" + "x".repeat(40) + "…»");
    assertThat(PlatformJson.describe(new JsonDataException("Something else at path $.y"))).isEqualTo("некорректное значение по пути $.y");
  }

  @Test
  void aMalformedItemIsSaidInRussian() throws IOException {
    Groups groups = PlatformJson.moshi().adapter(Groups.class).fromJson("{\"groups\":[{\"id\":\"x\"},null]}");

    assertThat(groups.groups().malformed()).extracting(Each.Malformed::problem).containsExactly(
        "некорректное значение по пути $.groups[0].id: ожидалось: целое число, пришло: «x»",
        "некорректное значение по пути $.groups[1]: ожидался: элемент, пришло: null");
  }

  private static String describe(org.assertj.core.api.ThrowableAssert.ThrowingCallable reading) {
    JsonDataException thrown = org.assertj.core.api.Assertions.catchThrowableOfType(reading, JsonDataException.class);
    assertThat(thrown).as("reading fails").isNotNull();
    String text = PlatformJson.describe(thrown);
    assertThat(text).doesNotContainPattern("Expected|but was|at path|STRING|NUMBER|BEGIN_");
    return text;
  }
}
