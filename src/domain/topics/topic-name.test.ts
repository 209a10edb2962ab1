import { describe, expect, it } from "vitest";
import {
  findCollidingTopic,
  isInternalTopicName,
  KAFKA_INTERNAL_TOPIC_NAMES,
  validateNewTopicName,
  validateTopicName,
} from "./topic-name";

describe("validateTopicName", () => {
  it.each(["a", "orders", "_a.b-C9", "sensor.readings.v2", "__consumer_offsets"])(
    "accepts %s as Kafka does",
    (name) => {
      expect(validateTopicName(name)).toBeNull();
    },
  );

  it("accepts a name of exactly 249 characters", () => {
    expect(validateTopicName("a".repeat(249))).toBeNull();
  });

  it.each([
    { name: "a b", expected: "A topic name can use only letters, digits, '.', '_' and '-'; a space is not allowed." },
    {
      name: "a/b c",
      expected: "A topic name can use only letters, digits, '.', '_' and '-'; '/' and a space are not allowed.",
    },
    {
      name: "a\tb",
      expected:
        "A topic name can use only letters, digits, '.', '_' and '-'; U+0009 CHARACTER TABULATION is not allowed.",
    },
    {
      name: "a/b:c*d?e",
      expected:
        "A topic name can use only letters, digits, '.', '_' and '-'; '/', ':', '*' and 1 more are not allowed.",
    },
    {
      name: "ö😀",
      expected:
        "A topic name can use only letters, digits, '.', '_' and '-'; U+00F6 LATIN SMALL LETTER O WITH DIAERESIS and U+1F600 are not allowed.",
    },
    {
      name: "pаyments",
      expected:
        "A topic name can use only letters, digits, '.', '_' and '-'; U+0430 CYRILLIC SMALL LETTER A is not allowed.",
    },
    {
      name: "orders\u2013v2\u200b",
      expected:
        "A topic name can use only letters, digits, '.', '_' and '-'; U+2013 EN DASH and U+200B ZERO WIDTH SPACE are not allowed.",
    },
  ])("names the characters Kafka refuses in $name", ({ name, expected }) => {
    expect(validateTopicName(name)).toBe(expected);
  });

  it("checks the length before the characters, as Kafka does", () => {
    expect(validateTopicName("é".repeat(250))).toBe("A topic name can be at most 249 characters; this one has 250.");
  });
});

describe("validateNewTopicName", () => {
  it.each(KAFKA_INTERNAL_TOPIC_NAMES)("refuses Kafka's own topic %s", (name) => {
    expect(validateNewTopicName(name)).toBe(`${name} is one of Kafka's internal topics; Kafka creates it itself.`);
  });

  it("refuses any name starting with __ although Kafka would accept it", () => {
    expect(validateNewTopicName("__my_state")).toBe(
      "Names starting with '__' are reserved for Kafka's internal topics; choose another name.",
    );
  });

  it("accepts a single leading underscore", () => {
    expect(validateNewTopicName("_schemas")).toBeNull();
  });
});

describe("isInternalTopicName", () => {
  it.each([
    { name: "__consumer_offsets", internal: true },
    { name: "__transaction_state", internal: true },
    { name: "__share_group_state", internal: true },
    { name: "__cluster_metadata", internal: true },
    { name: "__anything", internal: true },
    { name: "_schemas", internal: false },
    { name: "orders", internal: false },
  ])("says $name is internal: $internal", ({ name, internal }) => {
    expect(isInternalTopicName(name)).toBe(internal);
  });
});

describe("findCollidingTopic", () => {
  it("finds the existing topic whose name differs only in '.' versus '_'", () => {
    expect(findCollidingTopic("a_b", ["x", "a.b"])).toBe("a.b");
    expect(findCollidingTopic("a.b_c", ["a_b.c"])).toBe("a_b.c");
  });

  it("does not call the same name a collision", () => {
    expect(findCollidingTopic("a.b", ["a.b"])).toBeNull();
  });

  it("ignores names without '.' or '_' and names that differ otherwise", () => {
    expect(findCollidingTopic("ab", ["ab", "a.b"])).toBeNull();
    expect(findCollidingTopic("a-b", ["a_b"])).toBeNull();
    expect(findCollidingTopic("a.b", ["A_b"])).toBeNull();
  });
});
