"""spec_schema.py - validation of a netlink spec against its schema
(Documentation/netlink/<protocol>.yaml of Linux 7.2, copied to
tests/uapi/schemas), for tests/check_spec_numbers.py: with python3-jsonschema
when it is installed, else with a small checker of the JSON-schema keywords
the netlink schemas use.
"""
import os
import re

import yaml

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'uapi', 'schemas')


def validate(spec, path, problems):
    proto = spec.get('protocol', 'genetlink')
    sp = os.path.join(SCHEMA_DIR, proto + '.yaml')
    if not os.path.isfile(sp):
        problems.append('%s: no schema %s' % (path, sp))
        return
    with open(sp) as f:
        schema = yaml.safe_load(f)
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema is not None:
        v = jsonschema.Draft7Validator(schema)
        for err in sorted(v.iter_errors(spec), key=lambda e: list(e.path)):
            problems.append('%s: schema %s: %s: %s' % (path, proto,
                            '/'.join(str(p) for p in err.path), err.message[:200]))
    else:
        for msg in mini_validate(schema, spec, schema, ''):
            problems.append('%s: schema %s: %s' % (path, proto, msg))


def mini_validate(node, inst, root, where):
    """The part of JSON schema the netlink schemas use: $ref, type, enum,
    required, properties, additionalProperties, items, oneOf, pattern,
    minimum, not, if/then (not dependencies)."""
    if '$ref' in node:
        ref = root
        for part in node['$ref'].lstrip('#/').split('/'):
            ref = ref[part]
        node = ref
    errs = []
    types = node.get('type')
    if types is not None:
        types = types if isinstance(types, list) else [types]
        pyt = {'object': dict, 'array': list, 'string': str, 'integer': int,
               'boolean': bool, 'null': type(None)}
        if not any(isinstance(inst, pyt[t]) and not (t == 'integer' and isinstance(inst, bool))
                   for t in types):
            return ['%s: not of type %s' % (where, '/'.join(types))]
    if 'enum' in node and inst not in node['enum']:
        errs.append('%s: %r not one of %s' % (where, inst, node['enum']))
    if isinstance(inst, str) and 'pattern' in node and not re.search(node['pattern'], inst):
        errs.append('%s: %r does not match %s' % (where, inst, node['pattern']))
    if isinstance(inst, int) and 'minimum' in node and inst < node['minimum']:
        errs.append('%s: %d < %d' % (where, inst, node['minimum']))
    if 'not' in node and not mini_validate(node['not'], inst, root, where):
        errs.append('%s: matches what is forbidden here' % where)
    if 'oneOf' in node:
        ok = [s for s in node['oneOf'] if not mini_validate(s, inst, root, where)]
        if len(ok) != 1:
            errs.append('%s: matches %d of oneOf' % (where, len(ok)))
    if isinstance(inst, dict):
        for k in node.get('required', []):
            if k not in inst:
                errs.append('%s: %s is required' % (where, k))
        props = node.get('properties', {})
        for k, v in inst.items():
            if k in props:
                errs += mini_validate(props[k], v, root, where + '/' + k)
            elif node.get('additionalProperties') is False:
                errs.append('%s: %s is not allowed' % (where, k))
        if 'if' in node and not mini_validate(node['if'], inst, root, where):
            errs += mini_validate(node.get('then', {}), inst, root, where)
    if isinstance(inst, list) and 'items' in node:
        for i, v in enumerate(inst):
            errs += mini_validate(node['items'], v, root, '%s/%d' % (where, i))
    return errs
