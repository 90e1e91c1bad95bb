package ru.gospubliki.internal.rules;

import org.jspecify.annotations.Nullable;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleDefinition;

/**
 * Creates the built-in implementation of each rule in {@code rule-catalog.json}: the catalogue
 * holds what a rule is (id, basis, parameters), this factory how it is checked.
 */
public final class BuiltInRules implements Rule.Factory {
  @Override
  public @Nullable Rule create(RuleDefinition definition) {
    BuiltInRule.Check check = check(definition.id());
    return check == null ? null : new BuiltInRule(definition, check);
  }

  private static BuiltInRule.@Nullable Check check(String id) {
    switch (id) {
      case "PAGE_PLATFORM_ALLOWED": return PageRules::platformAllowed;
      case "PAGE_IS_COMMUNITY": return PageRules::isCommunity;
      case "PAGE_OPEN": return PageRules::open;
      case "PROFILE_NAME": return ProfileRules::name;
      case "PROFILE_NAME_MATCHES": return ProfileRules::nameMatches;
      case "PROFILE_POSTAL_ADDRESS": return ProfileRules::postalAddress;
      case "PROFILE_POSTAL_ADDRESS_FORMAT": return ProfileRules::postalAddressFormat;
      case "PROFILE_EMAIL": return ProfileRules::email;
      case "PROFILE_PHONE": return ProfileRules::phone;
      case "PROFILE_WEBSITE": return ProfileRules::website;
      case "PROFILE_DESCRIPTION": return ProfileRules::description;
      case "PROFILE_AVATAR": return ProfileRules::avatar;
      case "PROFILE_COVER": return ProfileRules::cover;
      case "PROFILE_WORK_HOURS": return ProfileRules::workHours;
      case "GOV_MARK": return PageRules::govMark;
      case "GOV_MARK_LOST": return PageRules::govMarkLost;
      case "PROFILE_CHANGED": return PageRules::changed;
      case "COMMENTS_OPEN": return PageRules::commentsOpen;

      case "POSTS_MIN_COUNT": return PublicationRules::minCount;
      case "POSTS_CADENCE": return PublicationRules::cadence;
      case "POSTS_LAST_AGE": return PublicationRules::lastAge;
      case "POSTS_FROM_COMMUNITY": return PublicationRules::fromCommunity;
      case "POSTS_HASHTAGS": return PublicationRules::hashtags;
      case "POSTS_MEDIA": return PublicationRules::media;
      case "POSTS_NOT_ADS": return PublicationRules::notAds;
      case "POSTS_ENGAGEMENT": return PublicationRules::engagement;

      case "ORG_HAS_PAGE": return OrganizationRules::hasPage;
      case "ORG_HAS_VK_PAGE": return OrganizationRules::hasVkPage;
      case "ORG_CONNECTED": return OrganizationRules::connected;
      case "ORG_RESPONSIBLE": return OrganizationRules::responsible;
      case "ORG_CHECKLIST": return OrganizationRules::checklist;

      case "DRAFT_NOT_EMPTY": return DraftRules::notEmpty;
      case "DRAFT_TEXT_LENGTH": return DraftRules::textLength;
      case "DRAFT_MEDIA_COUNT": return DraftRules::mediaCount;
      case "DRAFT_MEDIA_FORMAT": return DraftRules::mediaFormat;
      case "DRAFT_LINKS": return DraftRules::links;
      case "DRAFT_SCHEDULE": return DraftRules::schedule;
      case "DRAFT_HASHTAGS": return DraftRules::hashtags;
      case "DRAFT_NOT_ADS": return DraftRules::notAds;
      case "DRAFT_CREDENTIALS": return DraftRules::credentials;
      default: return null;
    }
  }
}
