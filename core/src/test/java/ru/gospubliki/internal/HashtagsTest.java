package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashtagsTest {
  @Test
  void extractsInOrderLowercaseWithoutDuplicates() {
    assertThat(Hashtags.extract("Открыта запись #Школа9 и #school_9, снова #школа9.\n#Амур"))
        .containsExactly("школа9", "school_9", "амур");
  }

  @Test
  void ignoresWhatIsNotAHashtag() {
    assertThat(Hashtags.extract("")).isEmpty();
    assertThat(Hashtags.extract("без хэштегов")).isEmpty();
    assertThat(Hashtags.extract("a#b")).isEmpty(); // inside a word
    assertThat(Hashtags.extract("&#1234; html entity")).isEmpty();
    assertThat(Hashtags.extract("#123 номер")).isEmpty(); // digits only
    assertThat(Hashtags.extract("# пробел")).isEmpty();
  }

  @Test
  void dropsVkCommunitySuffix() {
    assertThat(Hashtags.extract("#новости@school9_amur и #2024год")).containsExactly("новости", "2024год");
  }
}
