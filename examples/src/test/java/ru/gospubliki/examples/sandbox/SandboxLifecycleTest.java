package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

final class SandboxLifecycleTest {
  @Test
  void urlsCredentialsAndIdempotentClose() throws IOException {
    Sandbox sandbox = Sandbox.startWithSampleData();
    assertThat(sandbox.vkApiUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/vk/method/");
    assertThat(sandbox.okApiUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/ok/fb.do");
    assertThat(sandbox.toString()).doesNotContain(sandbox.vkUserToken(), sandbox.okApplicationSecretKey());
    try (Response r = SandboxClient.HTTP.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + sandbox.port() + "/elsewhere").build()).execute()) {
      assertThat(r.code()).isEqualTo(404);
    }
    sandbox.close();
    sandbox.close();
    assertThatThrownBy(() -> SandboxClient.HTTP.newCall(new Request.Builder().url(sandbox.vkApiUrl()).build())
        .execute().close()).isInstanceOf(IOException.class);
  }

  /** The fault switch: only a publication trips it; then the platform is cut off until reconnected. */
  @Test
  void aLostPostCutsThePlatformOffUntilReconnected() throws IOException {
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      assertThatThrownBy(() -> sandbox.loseNextPost(ru.gospubliki.model.PlatformId.VK))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OK and MAX only");
      sandbox.loseNextPost(ru.gospubliki.model.PlatformId.MAX);
      Request me = new Request.Builder().url(sandbox.maxApiUrl() + "me").header("Authorization", sandbox.maxBotToken()).build();
      try (Response read = SandboxClient.HTTP.newCall(me).execute()) {
        assertThat(read.code()).isEqualTo(200); // a read does not trip it
      }
      int before = sandbox.maxMessageCount(-70000000000101L);
      Request post = new Request.Builder().url(sandbox.maxApiUrl() + "messages?chat_id=-70000000000101")
          .header("Authorization", sandbox.maxBotToken())
          .post(okhttp3.RequestBody.create("{\"text\":\"Новость\"}", okhttp3.MediaType.get("application/json"))).build();
      assertThatThrownBy(() -> SandboxClient.HTTP.newCall(post).execute().close()).isInstanceOf(IOException.class);
      assertThat(sandbox.maxMessageCount(-70000000000101L)).isEqualTo(before + 1);
      assertThatThrownBy(() -> SandboxClient.HTTP.newCall(me).execute().close()).isInstanceOf(IOException.class);
      try (Response ok = SandboxClient.HTTP.newCall(new Request.Builder().url(sandbox.okApiUrl()).post(
          okhttp3.RequestBody.create("", okhttp3.MediaType.get("application/x-www-form-urlencoded"))).build()).execute()) {
        assertThat(ok.code()).isEqualTo(200); // OK is not cut off
      }
      sandbox.reconnect();
      try (Response read = SandboxClient.HTTP.newCall(me).execute()) {
        assertThat(read.code()).isEqualTo(200);
      }
    }
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> Sandbox.builder().port(70000)).hasMessage("port must be 0..65535: 70000");
    assertThatThrownBy(() -> Sandbox.builder().vkServiceRps(0)).hasMessage("vkServiceRps must be positive: 0");
    assertThatThrownBy(() -> Sandbox.builder().vkUserRps(0)).hasMessage("vkUserRps must be positive: 0");
  }
}
