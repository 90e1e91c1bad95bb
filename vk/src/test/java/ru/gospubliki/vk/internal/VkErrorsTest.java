package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VkErrorsTest {
  /** The Russian first, then VK's own words, marked as VK's and quoted as VK said them. */
  @Test
  void vksOwnMessageIsQuotedAfterTheRussian() {
    assertThat(VkErrors.describe("wall.post", 214, "Access to adding post denied"))
        .isEqualTo("ошибка VK 214 в wall.post (ответ VK: «Access to adding post denied»)");
    assertThat(VkErrors.describe("wall.get", 15, "")).isEqualTo("ошибка VK 15 в wall.get");
  }
}
