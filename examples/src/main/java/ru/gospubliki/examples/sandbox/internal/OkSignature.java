package ru.gospubliki.examples.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The OK request signature exactly as OK documents it: {@code secret = md5(access_token + secret_key)}
 * (or the secret key alone without a session), then {@code md5(sorted key=value pairs + secret)}
 * over raw values, excluding {@code sig}, {@code access_token} and {@code session_key}.
 */
public final class OkSignature {
  private OkSignature() {}

  public static String sessionSecret(@Nullable String accessToken, String applicationSecretKey) {
    if (accessToken == null || accessToken.isEmpty()) return applicationSecretKey;
    return md5(accessToken + applicationSecretKey);
  }

  public static String sign(Map<String, String> params, String secret) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      String key = e.getKey();
      if (key.equals("sig") || key.equals("access_token") || key.equals("session_key")) continue;
      sb.append(key).append('=').append(e.getValue());
    }
    return md5(sb.append(secret).toString());
  }

  static String md5(String s) {
    return ByteString.encodeUtf8(s).md5().hex();
  }

  /** Compares without leaking timing, case-insensitively (hex). */
  static boolean matches(String expected, @Nullable String actual) {
    if (actual == null) return false;
    byte[] a = expected.getBytes(StandardCharsets.US_ASCII);
    byte[] b = actual.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return java.security.MessageDigest.isEqual(a, b);
  }
}
