/**
 * The rule catalogue: what 8-ФЗ (as amended by 270-ФЗ), order 2523-р, the Минцифры rating and the
 * methodological recommendations require of an official page, each rule with its stable id,
 * obligation and legal basis. Custom rules plug in through {@link ru.gospubliki.rules.Rule}.
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.rules;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
