package dev.vmcscodegen.maven;

import java.util.Objects;

/**
 * A configured spec as read from disk: what the generation depends on, and nothing else.
 *
 * @param name how problems name the spec (its path)
 * @param content the spec's text, or {@code null} when it could not be read
 * @param unreadable why it could not be read, empty when it was
 * @param packageName the package to generate into
 * @param prefix the type-name prefix
 * @param extendsBase whether the spec extends the base spec
 */
record SpecInput(String name, String content, String unreadable, String packageName, String prefix,
    boolean extendsBase) {

  /** Validates the parts: exactly one of content and reason. */
  SpecInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unreadable, "unreadable");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(prefix, "prefix");
    if ((content == null) == unreadable.isEmpty()) {
      throw new IllegalArgumentException("a spec has either content or a reason it could not be read");
    }
  }

  /** A spec that was read. */
  static SpecInput read(String name, String content, String packageName, String prefix, boolean extendsBase) {
    return new SpecInput(name, content, "", packageName, prefix, extendsBase);
  }

  /** A spec that could not be read, and why. */
  static SpecInput unreadable(String name, String reason, String packageName, String prefix,
      boolean extendsBase) {
    return new SpecInput(name, null, reason, packageName, prefix, extendsBase);
  }

  /** The text the input hash covers: every part, the content last and length-prefixed. */
  String fingerprint() {
    return "spec " + name + "\npackage " + packageName + "\nprefix " + prefix + "\nextendsBase " + extendsBase
        + "\n" + (content == null ? "unreadable " + unreadable : "content " + content.length() + "\n" + content)
        + "\n";
  }
}
