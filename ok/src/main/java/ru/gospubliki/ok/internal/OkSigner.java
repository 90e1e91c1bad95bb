package ru.gospubliki.ok.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes OK's request signature {@code sig}: MD5 over the sorted raw {@code key=value} pairs (all
 * parameters except {@code sig}, {@code access_token} and {@code session_key}) followed by the
 * secret, where the secret is {@code md5(access_token + application_secret_key)} for calls with an
 * access token. Values are signed exactly as sent, not URL-encoded.
 */
public final class OkSigner {
  private final String secret;

  private OkSigner(String secret) {
    this.secret = secret;
  }

  /** A signer for calls made with {@code accessToken}: the secret is {@code md5(accessToken + applicationSecretKey)}. */
  public static OkSigner forSession(String accessToken, String applicationSecretKey) {
    return new OkSigner(md5Hex(accessToken + applicationSecretKey));
  }

  /** The derived secret, to be masked wherever OK might echo it. */
  public String secret() {
    return secret;
  }

  /** The signature of {@code params} exactly as they will be sent (raw, not URL-encoded values). */
  public String sign(Map<String, String> params) {
    StringBuilder data = new StringBuilder();
    for (Map.Entry<String, String> entry : new TreeMap<>(params).entrySet()) {
      String key = entry.getKey();
      if (key.equals("sig") || key.equals("access_token") || key.equals("session_key")) continue;
      data.append(key).append('=').append(entry.getValue());
    }
    return md5Hex(data.append(secret).toString());
  }

  static String md5Hex(String value) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e); // Every JDK has MD5.
    }
    byte[] digest = md5.digest(value.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(32);
    for (byte b : digest) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  @Override
  public String toString() {
    return "OkSigner{secret=██}";
  }
}
