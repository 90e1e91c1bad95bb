package ru.gospubliki.examples.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class VkScriptTest {
  @Test
  void parsesAListOfCallsWithQuotedAndBareKeys() {
    VkScript.Script s = VkScript.parse(" return [API.wall.get({\"owner_id\":-1,\"count\":100,\"filter\":\"all\"}),\n"
        + "API.wall.get({owner_id: -2, offset: 100, extended: true})] ; ");
    assertThat(s.list).isTrue();
    assertThat(s.calls).hasSize(2);
    assertThat(s.calls.get(0).method).isEqualTo("wall.get");
    assertThat(s.calls.get(0).params).isEqualTo(Map.of("owner_id", "-1", "count", "100", "filter", "all"));
    assertThat(s.calls.get(1).params).isEqualTo(Map.of("owner_id", "-2", "offset", "100", "extended", "1"));
  }

  @Test
  void parsesASingleCallAndStringsWithBrackets() {
    VkScript.Script s = VkScript.parse("return API.groups.getById({\"group_ids\":\"a,b\",\"fields\":\"x})\"});");
    assertThat(s.list).isFalse();
    assertThat(s.calls.get(0).params).containsEntry("fields", "x})");
    assertThat(VkScript.parse("return [];").calls).isEmpty();
  }

  @Test
  void refusesAnythingOutsideTheSubset() {
    assertThatThrownBy(() -> VkScript.parse("var x = API.wall.get({}); return x;")).hasMessageContaining("return");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":1})")).hasMessageContaining("';'");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":[1]});")).hasMessageContaining("argument a");
    assertThatThrownBy(() -> VkScript.parse("return API.wall({});")).hasMessageContaining("bad method name");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":1}); return 2;")).hasMessageContaining("after return");
    assertThatThrownBy(() -> VkScript.parse("return API.wall.get({\"a\":1);")).hasMessageContaining("unterminated");
  }
}
