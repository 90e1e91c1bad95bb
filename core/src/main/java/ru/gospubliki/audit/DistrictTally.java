package ru.gospubliki.audit;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.rules.Outcome;

/**
 * Counts an audit's organisations and pages by district: the «подключено X из Y» table. A page found
 * deleted, banned or not found, a person's page, or a page on a platform the policy does not allow
 * (it failed {@code PAGE_PLATFORM_ALLOWED}: Telegram, Facebook...) does not give its organisation a
 * page.
 */
final class DistrictTally {
  static final String NO_DISTRICT = "Без района";

  private final Map<String, int[]> districts = new TreeMap<>(Collator.getInstance(Locale.forLanguageTag("ru")));
  private int organizations;
  private int pages;
  private int compliant;
  private int nonCompliant;
  private int unverified;
  private int unreachable;

  private static final int ORGANIZATIONS = 0;
  private static final int WITH_PAGE = 1;
  private static final int WITH_VK = 2;
  private static final int WITH_OK = 3;
  private static final int WITH_MARK = 4;
  private static final int COMPLIANT = 5;
  private static final int WITH_MAX = 6;

  /** Counts {@code audit}; {@code persons} are the pages that turned out to be persons' pages. */
  void add(OrganizationAudit audit, Set<PageRef> persons) {
    organizations++;
    String district = audit.organization().district();
    int[] counts = districts.computeIfAbsent(district == null || district.isBlank() ? NO_DISTRICT : district,
        d -> new int[7]);
    counts[ORGANIZATIONS]++;
    boolean withPage = false;
    boolean withVk = false;
    boolean withOk = false;
    boolean withMax = false;
    boolean withMark = false;
    boolean allCompliant = !audit.pages().isEmpty();
    for (PageAudit page : audit.pages()) {
      pages++;
      switch (page.status()) {
        case COMPLIANT:
          compliant++;
          break;
        case NON_COMPLIANT:
          nonCompliant++;
          break;
        case UNVERIFIED:
          unverified++;
          break;
        default:
          unreachable++;
      }
      allCompliant &= page.status() == PageStatus.COMPLIANT;
      if (dead(page) != null || page.page().isPerson() || persons.contains(page.page()) || notAllowed(page)) continue;
      PlatformId platform = page.page().platform();
      withPage = true;
      withVk |= platform.equals(PlatformId.VK);
      withOk |= platform.equals(PlatformId.OK);
      withMax |= platform.equals(PlatformId.MAX);
      withMark |= page.mark() == MarkStatus.CONFIRMED;
    }
    if (withPage) counts[WITH_PAGE]++;
    if (withVk) counts[WITH_VK]++;
    if (withOk) counts[WITH_OK]++;
    if (withMax) counts[WITH_MAX]++;
    if (withMark) counts[WITH_MARK]++;
    if (allCompliant) counts[COMPLIANT]++;
  }

  /** True when the page is on a platform the policy does not allow. */
  static boolean notAllowed(PageAudit page) {
    for (Finding finding : page.findings()) {
      if (finding.rule().equals("PAGE_PLATFORM_ALLOWED") && finding.outcome() == Outcome.FAIL) return true;
    }
    return false;
  }

  /** Why the page is gone (deleted, banned, not found), or null when it exists or could not be checked. */
  static @Nullable FailureReason dead(PageAudit page) {
    if (page.status() != PageStatus.UNREACHABLE) return null;
    String reason = page.reason();
    if (reason == null) return null;
    for (FailureReason gone : new FailureReason[] {FailureReason.DELETED, FailureReason.BANNED, FailureReason.NOT_FOUND}) {
      if (reason.equals(gone.code()) || reason.startsWith(gone.code() + ":")) return gone;
    }
    return null;
  }

  AuditSummary summary() {
    List<DistrictSummary> byDistrict = new ArrayList<>(districts.size());
    districts.forEach((name, counts) -> byDistrict.add(DistrictSummary.builder()
        .district(name).organizations(counts[ORGANIZATIONS]).withPage(counts[WITH_PAGE]).withVk(counts[WITH_VK])
        .withOk(counts[WITH_OK]).withMax(counts[WITH_MAX]).withMark(counts[WITH_MARK]).compliant(counts[COMPLIANT])
        .build()));
    return AuditSummary.builder()
        .organizations(organizations)
        .pages(pages)
        .compliant(compliant)
        .nonCompliant(nonCompliant)
        .unverified(unverified)
        .unreachable(unreachable)
        .byDistrict(byDistrict)
        .build();
  }
}
