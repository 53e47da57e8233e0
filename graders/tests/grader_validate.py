#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (the draft-07 subset that
graders/schema/results.schema.json uses), with the standard library only.

    grader_validate.py SCHEMA FILE...      exit 1 and list the errors when a file does not validate
    grader_validate.py --self-test SCHEMA  check that broken results.json documents are rejected
"""
import copy
import json
import re
import sys

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}
KNOWN = {"$schema", "$id", "$comment", "title", "description", "type", "required", "properties",
         "additionalProperties", "items", "enum", "minimum", "minLength", "pattern", "$ref", "definitions"}


def resolve(ref, root):
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported: {ref}")
    node = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def validate(value, schema, root, path="$"):
    """Returns a list of 'path: problem' strings."""
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"schema keyword(s) not supported by this validator: {sorted(unknown)}")
    if "$ref" in schema:
        return validate(value, resolve(schema["$ref"], root), root, path)
    errors = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[t](value) for t in types):
            return [f"{path}: expected {' or '.join(types)}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "minimum" in schema and TYPES["number"](value) and value < schema["minimum"]:
        errors.append(f"{path}: {value} is below the minimum {schema['minimum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing required member '{key}'")
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                errors += validate(item, props[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties", True) is False:
                errors.append(f"{path}: unexpected member '{key}'")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], root, f"{path}[{i}]")
    return errors


def self_test(schema):
    good = {"score": 1.5, "execution_time": 3, "output": "", "stdout_visibility": "hidden",
            "tests": [{"score": 1.5, "max_score": 2, "status": "passed", "name": "01-tensors \u203a A.B",
                       "number": "1.1", "output": "", "visibility": "visible"}]}
    assert validate(good, schema, schema) == [], validate(good, schema, schema)
    breakages = {
        "missing score": lambda d: d.pop("score"),
        "string score": lambda d: d.update(score="10"),
        "negative time": lambda d: d.update(execution_time=-1),
        "bad stdout visibility": lambda d: d.update(stdout_visibility="public"),
        "extra member": lambda d: d.update(grade=3),
        "tests not a list": lambda d: d.update(tests={}),
        "test without max_score": lambda d: d["tests"][0].pop("max_score"),
        "bad status": lambda d: d["tests"][0].update(status="ok"),
        "numeric number": lambda d: d["tests"][0].update(number=1.1),
        "bad number": lambda d: d["tests"][0].update(number="1"),
        "bad visibility": lambda d: d["tests"][0].update(visibility="secret"),
        "empty name": lambda d: d["tests"][0].update(name=""),
        "bool score": lambda d: d["tests"][0].update(score=True),
    }
    failures = 0
    for what, breakage in breakages.items():
        doc = copy.deepcopy(good)
        breakage(doc)
        if not validate(doc, schema, schema):
            print(f"self-test: a document with '{what}' was accepted")
            failures += 1
    print(f"self-test: {len(breakages) - failures} of {len(breakages)} broken documents rejected")
    return failures == 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        with open(argv[2]) as f:
            return 0 if self_test(json.load(f)) else 1
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        schema = json.load(f)
    status = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            errors = validate(json.load(f), schema, schema)
        for e in errors[:20]:
            print(f"{path}: {e}")
        print(f"{path}: {'valid' if not errors else f'{len(errors)} error(s)'}")
        status |= bool(errors)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
