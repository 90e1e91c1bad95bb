package ru.gospubliki.internal.rules;

import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.RuleCatalog;

/** Reads the JSON form of a {@link Policy}. */
public final class PolicyJson {
  private PolicyJson() {}

  public static Policy parse(String json, String sourceName, RuleCatalog catalog) {
    throw new UnsupportedOperationException("TODO(policy-json)");
  }
}
