package ru.gospubliki.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.report.JsonReportWriter;
import ru.gospubliki.vk.VkPlatform;

/**
 * Audits a whole registry of institutions, as a regional portal does for its monthly "подключено
 * N из M" table: reads the registry CSV, reads every VK and OK page in bulk with {@link Auditor}
 * and writes the JSON report that dashboards and spreadsheets consume.
 *
 * <pre>
 * java -cp examples/target/gospubliki.jar ru.gospubliki.examples.AuditRegistry [reestr.csv [report.json]]
 * </pre>
 *
 * With no registry it audits the sandbox's sample district; with no output file the JSON goes to
 * standard output. The pages are read from the embedded sandbox (swap in {@code VkPlatform} and
 * {@code OkPlatform} built with real credentials to audit real pages).
 */
public final class AuditRegistry {
  private AuditRegistry() {}

  public static void main(String[] args) throws IOException {
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      Registry registry = args.length > 0
          ? RegistryReader.read(Path.of(args[0]), null)
          : RegistryReader.read(new StringReader(sandbox.data().registryCsv()));
      ComplianceReport report = audit(registry, sandbox);
      write(report, args.length > 1 ? Path.of(args[1]) : null);
    }
  }

  /** Audits {@code registry} against the pages {@code sandbox} serves. */
  public static ComplianceReport audit(Registry registry, Sandbox sandbox) {
    VkPlatform vk = VkPlatform.builder()
        .baseUrl(sandbox.vkApiUrl())
        .serviceToken(sandbox.vkServiceToken())
        .build();
    OkPlatform ok = OkPlatform.builder()
        .baseUrl(sandbox.okApiUrl())
        .applicationKey(sandbox.okApplicationKey())
        .applicationSecretKey(sandbox.okApplicationSecretKey())
        .accessToken(sandbox.okAccessToken())
        .build();
    return Auditor.builder().addPlatform(vk).addPlatform(ok).build().auditRegistry(registry);
  }

  /** Writes the JSON report to {@code file}, or to standard output when it is null. */
  static void write(ComplianceReport report, @Nullable Path file) throws IOException {
    JsonReportWriter writer = JsonReportWriter.builder().indent("  ").build();
    if (file == null) {
      writer.write(report, System.out);
      System.out.println();
      return;
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.write(report, out);
    }
    System.err.println(report.summary().organizations() + " организаций, " + report.summary().compliant()
        + " из " + report.summary().pages() + " страниц соответствуют; отчёт: " + file);
  }
}
