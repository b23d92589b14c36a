package dev.vmcscodegen.processor;

import dev.vmcscodegen.problem.Problem;
import java.util.List;

/** Where the processor found a spec, or every place it looked. */
sealed interface SpecLocation {

  /**
   * The spec was found and read.
   *
   * @param where where it was found, for messages
   * @param content its text
   */
  record Found(String where, String content) implements SpecLocation {}

  /**
   * The spec is nowhere.
   *
   * @param looked every place looked, in order
   */
  record NotFound(List<String> looked) implements SpecLocation {
    public NotFound {
      looked = List.copyOf(looked);
    }
  }

  /**
   * The spec exists but could not be read.
   *
   * @param where where it is
   * @param reason why it could not be read
   */
  record Unreadable(String where, String reason) implements SpecLocation {}

  /**
   * The spec was read but is no text the processor takes: too large, or not UTF-8.
   *
   * @param where where it is
   * @param problems why, each naming the spec as the annotation does
   */
  record NotText(String where, List<Problem> problems) implements SpecLocation {
    public NotText {
      problems = List.copyOf(problems);
    }
  }
}
