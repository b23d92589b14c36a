package dev.vmcscodegen.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;

/**
 * Writes the one JSON object a {@code --json} command prints, with Gson: keys in insertion order,
 * {@code null} values kept (a key of the contract is always present), numbers as plain integers.
 */
public final class JsonOutput {

  private static final Gson GSON = new GsonBuilder()
      .serializeNulls()
      .disableHtmlEscaping()
      .setPrettyPrinting()
      .create();

  private JsonOutput() {}

  /** Prints {@code report} and a line break, then flushes. */
  public static void print(PrintWriter out, JsonElement report) {
    out.println(GSON.toJson(report));
    out.flush();
  }

  /** A JSON array of the given objects, in order. */
  public static JsonArray array(Iterable<? extends JsonElement> elements) {
    JsonArray array = new JsonArray();
    elements.forEach(array::add);
    return array;
  }

  /** A new empty object, for building a report key by key. */
  public static JsonObject object() {
    return new JsonObject();
  }
}
