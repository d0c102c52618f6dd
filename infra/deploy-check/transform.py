"""Prints the CloudFormation that the SAM transform (aws-sam-translator) makes of a template, as JSON: what the local
cloud provisions functions and their roles from (README "Local cloud"), the same transform `check_deploy.py` runs.

A local CodeUri (a path, relative to the template) is not something the transform takes: it becomes
s3://local-code/<its absolute path>, so each AWS::Lambda::Function's Code.S3Key is where its code is, the absolute path
without its leading "/".

Usage: transform.py TEMPLATE
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

from check_deploy import of_type, props, sam_transform  # noqa: E402 (sets the region and quiets the transform's log)
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

LOCAL_CODE_BUCKET = "local-code"


def with_local_code(sam: dict, directory: Path) -> dict:
    located = copy.deepcopy(sam)
    for fn in of_type(located, "AWS::Serverless::Function").values():
        code_uri = props(fn).get("CodeUri")
        if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
            code = (directory / code_uri).resolve()
            fn["Properties"]["CodeUri"] = f"s3://{LOCAL_CODE_BUCKET}{code}"
    return located


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    template = Path(argv[0])
    sam = yaml_parse(template.read_text())
    try:
        cfn = sam_transform(with_local_code(sam, template.resolve().parent))
    except Exception as e:  # the transform's own errors (InvalidDocumentException, ...) say what is wrong
        print(f"the SAM transform refused {argv[0]}: {e}", file=sys.stderr)
        return 1
    json.dump(cfn, sys.stdout, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
