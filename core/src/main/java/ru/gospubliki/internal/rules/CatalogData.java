package ru.gospubliki.internal.rules;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.rules.LegalSource;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleScope;

/** Reads {@code rule-catalog.json}: legal sources, rule definitions and score weights. */
public final class CatalogData {
  static final String RESOURCE = "/ru/gospubliki/rules/rule-catalog.json";

  private final Map<String, LegalSource> sources;
  private final List<RuleDefinition> definitions;
  private final Map<String, Integer> scoreWeights;

  private CatalogData(Map<String, LegalSource> sources, List<RuleDefinition> definitions,
      Map<String, Integer> scoreWeights) {
    this.sources = sources;
    this.definitions = definitions;
    this.scoreWeights = scoreWeights;
  }

  public Map<String, LegalSource> sources() {
    return sources;
  }

  public List<RuleDefinition> definitions() {
    return definitions;
  }

  public Map<String, Integer> scoreWeights() {
    return scoreWeights;
  }

  public static CatalogData load() {
    try (InputStream in = CatalogData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CatalogData parse(String json) throws IOException {
    JsonAdapter<Json> adapter = new Moshi.Builder().build().adapter(Json.class);
    Json data = adapter.fromJson(json);
    if (data == null) throw new IOException("empty rule catalogue");
    Map<String, LegalSource> sources = new LinkedHashMap<>();
    for (SourceJson source : data.sources) {
      sources.put(source.key, LegalSource.builder().key(source.key).citation(source.citation)
          .verified(source.verified == null ? "" : source.verified).build());
    }
    List<RuleDefinition> definitions = new ArrayList<>();
    for (RuleJson rule : data.rules) {
      RuleDefinition.Builder builder = RuleDefinition.builder()
          .id(rule.id)
          .scope(RuleScope.valueOf(rule.scope))
          .obligation(Obligation.valueOf(rule.obligation))
          .title(rule.title);
      if (rule.sources != null) {
        for (String key : rule.sources) {
          LegalSource source = sources.get(key);
          if (source == null) throw new IOException(rule.id + ": unknown legal source " + key);
          builder.addSources(source);
        }
      }
      if (rule.otherBasis != null) builder.addAllOtherBasis(rule.otherBasis);
      if (rule.parameters != null) builder.putAllParameters(rule.parameters);
      definitions.add(builder.build());
    }
    Map<String, Integer> weights = data.scoreWeights == null ? Map.of() : data.scoreWeights;
    return new CatalogData(Map.copyOf(sources), List.copyOf(definitions), Map.copyOf(weights));
  }

  static final class Json {
    List<SourceJson> sources = List.of();
    List<RuleJson> rules = List.of();
    @Nullable Map<String, Integer> scoreWeights;
  }

  static final class SourceJson {
    String key = "";
    String citation = "";
    @Nullable String verified;
  }

  static final class RuleJson {
    String id = "";
    String scope = "";
    String obligation = "";
    @Nullable List<String> sources;
    @Nullable List<String> otherBasis;
    String title = "";
    @Nullable Map<String, String> parameters;
  }
}
