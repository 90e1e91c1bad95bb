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

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> Sandbox.builder().port(70000)).hasMessage("port must be 0..65535: 70000");
    assertThatThrownBy(() -> Sandbox.builder().vkServiceRps(0)).hasMessage("vkServiceRps must be positive: 0");
    assertThatThrownBy(() -> Sandbox.builder().vkUserRps(0)).hasMessage("vkUserRps must be positive: 0");
  }
}
