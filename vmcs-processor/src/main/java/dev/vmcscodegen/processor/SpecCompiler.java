package dev.vmcscodegen.processor;

import java.util.Optional;

/** The phases from spec text to files, as the processor calls them; {@link SpecCompilation#compile} in use. */
@FunctionalInterface
interface SpecCompiler {

  /** See {@link SpecCompilation#compile}. */
  SpecCompilation compile(String fileName, String content, Optional<String> base, String packageName,
      String prefix);
}
