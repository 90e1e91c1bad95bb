package ru.gospubliki.model;

import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Checksums;
import ru.gospubliki.internal.Spaces;

/**
 * An organisation obliged to keep official pages, as a registry describes it: who it is, how to
 * reach it, its pages and the facts it declares.
 *
 * <pre>{@code
 * Organization school = Organization.builder()
 *     .name("МБОУ СОШ № 9")
 *     .kind(OrganizationKind.SUBORDINATE)
 *     .district("Амурский район")
 *     .inn("7707083893")
 *     .addPages(PageRef.parse("https://vk.com/club123"))
 *     .connected(Declared.YES)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Organization {
  Organization() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Official name, as in the registry. */
  public abstract String name();

  public abstract @Nullable OrganizationKind kind();

  /** District or municipality; groups the audit summary. */
  public abstract @Nullable String district();

  /** ИНН, checked by checksum. */
  public abstract @Nullable String inn();

  /** ОГРН (or ОГРНИП), checked by checksum. */
  public abstract @Nullable String ogrn();

  public abstract @Nullable String email();

  /** Official website. */
  public abstract @Nullable String site();

  /** The employee responsible for the official pages. */
  public abstract @Nullable String responsible();

  /** Phone or email of the responsible employee. */
  public abstract @Nullable String responsibleContact();

  /** The organisation's official pages. */
  public abstract List<PageRef> pages();

  /** Declared: connected to the «Госпаблики» system. */
  @Value.Default
  public Declared connected() {
    return Declared.UNKNOWN;
  }

  /** Declared: an order appoints the persons responsible for the official pages. */
  @Value.Default
  public Declared responsibleOrder() {
    return Declared.UNKNOWN;
  }

  /** Declared: an instruction on official accounts and passwords is approved and staff acquainted. */
  @Value.Default
  public Declared accountPolicy() {
    return Declared.UNKNOWN;
  }

  /** Declared: QR codes leading to the pages are placed in the building. */
  @Value.Default
  public Declared qrCodesPlaced() {
    return Declared.UNKNOWN;
  }

  /**
   * Fields the source does not have at all, such as a registry without a «Ответственный» column:
   * rules that need them answer {@code UNKNOWN}. A field that is here but blank is an empty answer.
   */
  public abstract Set<OrganizationField> undeclaredFields();

  @Value.Check
  void check() {
    if (Spaces.isBlank(name())) throw new IllegalArgumentException("наименование организации не заполнено");
    String inn = inn();
    if (inn != null) {
      String problem = Checksums.innProblem(inn);
      if (problem != null) throw new IllegalArgumentException("ИНН «" + inn + "»: " + problem);
    }
    String ogrn = ogrn();
    if (ogrn != null) {
      String problem = Checksums.ogrnProblem(ogrn);
      if (problem != null) throw new IllegalArgumentException("ОГРН «" + ogrn + "»: " + problem);
    }
  }

  /** Builds {@link Organization} values. */
  public static final class Builder extends ImmutableOrganization.Builder {
    Builder() {}
  }
}
