package ru.gospubliki.examples.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class VkScriptTest {
  private final List<String> called = new ArrayList<>();

  private Object run(String code, Object answer) {
    return VkScript.parse(code).run((method, params) -> {
      called.add(method + " " + params);
      return answer;
    });
  }

  @Test
  void runsAListOfCallsWithQuotedAndBareKeys() {
    Object result = run(" return [API.wall.get({\"owner_id\":-1,\"count\":100,\"filter\":\"all\"}),\n"
        + "API.wall.get({owner_id: -2, offset: 100, extended: true})] ; ", "w");

    assertThat(result).isEqualTo(List.of("w", "w"));
    assertThat(called).containsExactly("wall.get {owner_id=-1, count=100, filter=all}",
        "wall.get {owner_id=-2, offset=100, extended=1}");
    assertThat(VkScript.parse(" return [API.a.b(), API.c.d({})];").calls).isEqualTo(2);
  }

  @Test
  void variablesAndProjectionsWorkAsInVkScript() {
    Map<String, Object> wall = Map.of("count", 2L, "items", List.of(
        Map.of("id", 1L, "attachments", List.of(Map.of("type", "photo"), Map.of("type", "link")), "likes", Map.of("count", 3L)),
        Map.of("id", 2L)));
    Object result = run("var w = API.wall.get({\"owner_id\": -1});"
        + "return {\"c\": w.count, \"ids\": w.items@.id, \"att\": w.items@.attachments@.type, \"likes\": w.items@.likes@.count,"
        + " \"first\": w.items[0].attachments@.type, \"none\": w.items[5].id, \"n\": w.items.length};", wall);

    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) result;
    assertThat(map.get("c")).isEqualTo(2L);
    assertThat(map.get("ids")).isEqualTo(List.of(1L, 2L));
    assertThat(map.get("att")).isEqualTo(java.util.Arrays.asList(List.of("photo", "link"), null));
    assertThat(map.get("likes")).isEqualTo(java.util.Arrays.asList(3L, null));
    assertThat(map.get("first")).isEqualTo(List.of("photo", "link"));
    assertThat(map).containsEntry("none", null).containsEntry("n", 2L);
  }

  @Test
  void aFailedCallIsFalseAndAnyFieldOfItNull() {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) run("var w = API.wall.get({}); return {\"c\": w.count, \"ids\": w.items@.id};", false);

    assertThat(result).containsEntry("c", null).containsEntry("ids", null);
  }

  @Test
  void parsesStringsWithBrackets() {
    run("return API.groups.getById({\"group_ids\":\"a,b\",\"fields\":\"x})\"});", "g");
    assertThat(called).containsExactly("groups.getById {group_ids=a,b, fields=x})}");
    assertThat(run("return [];", "x")).isEqualTo(List.of());
  }

  @Test
  void refusesAnythingOutsideTheSubset() {
    assertThatThrownBy(() -> VkScript.parse("var x = 1; while (x) {} return x;")).hasMessageContaining("expected");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":1})")).hasMessageContaining("';'");
    assertThatThrownBy(() -> VkScript.parse("return API.wall({});")).hasMessageContaining("bad method name");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":1}); return 2;")).hasMessageContaining("after return");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":1);")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run("return API.wall.get({\"a\":[1]});", "x")).hasMessageContaining("argument a");
    assertThatThrownBy(() -> run("return nobody;", "x")).hasMessageContaining("undefined variable");
  }
}
