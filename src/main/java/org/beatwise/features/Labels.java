package org.beatwise.features;

import java.util.List;

/**
 * The target value of each row, in row order; {@code null} where the row has no value for the target
 * (for example an empty offence group).
 *
 * @param withoutLabel rows whose value is {@code null}
 * @param unmappedToOther rows the category map did not cover and that therefore went to "other"
 */
public record Labels(List<String> values, int withoutLabel, int unmappedToOther) {
}
