"""The deploy pipeline, checked without an AWS account (README "Deploying", "What `make test` checks").

1. What `sam build` and `sam deploy` do with each function's CodeUri, following SAM CLI's own source
   (samcli/lib/providers/provider.py `get_function_build_info`, samcli/lib/package/packageable_resources.py
   `ResourceZip.export`).
2. `sam package`: every CodeUri becomes an S3 URI.
3. The SAM transform that CloudFormation runs (aws-sam-translator) turns that into plain CloudFormation, written to
   target/packaged-transformed.json.
4. cfn-lint on it: no errors, no warnings but W2001 for parameters that the transform itself resolves.
5. Our rules (RULES below), each a class of mistake that would deploy fine and then fail in an account.

Usage: check_deploy.py [--require-artifacts] [--repo DIR]. Exit 0 when every check passes.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
import logging  # noqa: E402

logging.getLogger("samtranslator").setLevel(logging.ERROR)

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

REGION, ACCOUNT, STACK = "us-east-1", "123456789012", "trackline"
HTTP_API_INTEGRATION_LIMIT = 30  # seconds: API Gateway HTTP API's maximum integration timeout
API_TIMEOUT_MARGIN = 10  # seconds left for init/SnapStart restore and the gateway, so the function answers first
STATEFUL_TYPES = {"AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SecretsManager::Secret", "AWS::Cognito::UserPool",
                  "AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::EFS::FileSystem"}
PLACEHOLDER = re.compile(r"example\.(com|org|net)|EXAMPLE|changeme|placeholder|TODO|xxxx", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------------- template walking
def refs(value) -> set[str]:
    """Logical ids (or parameters) a value refers to through Ref, GetAtt or Sub."""
    found: set[str] = set()

    def walk(v):
        if isinstance(v, dict):
            if len(v) == 1:
                (key, arg), = v.items()
                if key == "Ref" and isinstance(arg, str):
                    found.add(arg)
                    return
                if key == "Fn::GetAtt":
                    found.add(arg[0] if isinstance(arg, list) else str(arg).split(".")[0])
                    return
                if key == "Fn::Sub":
                    text, variables = (arg, {}) if isinstance(arg, str) else (arg[0], arg[1] if len(arg) > 1 else {})
                    for name in re.findall(r"\$\{([^!}][^}]*)}", text):
                        if name not in variables:
                            found.add(name.split(".")[0])
                    walk(variables)
                    return
            for item in v.values():
                walk(item)
        elif isinstance(v, list):
            for item in v:
                walk(item)

    walk(value)
    return found


def of_type(template: dict, *types: str) -> dict[str, dict]:
    return {k: r for k, r in template.get("Resources", {}).items() if r.get("Type") in types}


def props(resource: dict) -> dict:
    return resource.get("Properties") or {}


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def statements(document) -> list[dict]:
    return as_list((document or {}).get("Statement"))


def principals(statement: dict) -> set[str]:
    principal = statement.get("Principal") or {}
    return set(as_list(principal.get("Service"))) if isinstance(principal, dict) else set()


def actions(statement: dict) -> set[str]:
    return {a.lower() for a in as_list(statement.get("Action")) if isinstance(a, str)}


def allows(statement: dict, action: str) -> bool:
    """Whether an Allow statement grants the action (exactly, or by a wildcard such as kms:* or kms:GenerateDataKey*)."""
    if statement.get("Effect") != "Allow":
        return False
    action = action.lower()
    return any(re.fullmatch(re.escape(a).replace(r"\*", ".*"), action) for a in actions(statement))


def function_of(template: dict, logical_id: str) -> str | None:
    """The AWS::Lambda::Function a function, alias or version logical id stands for."""
    resources = template["Resources"]
    seen = set()
    while logical_id in resources and logical_id not in seen:
        seen.add(logical_id)
        resource = resources[logical_id]
        if resource["Type"] == "AWS::Lambda::Function":
            return logical_id
        if resource["Type"] in ("AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::Lambda::EventInvokeConfig",
                                "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping"):
            targets = refs(props(resource).get("FunctionName"))
            if not targets:
                return None
            logical_id = next(iter(targets))
            continue
        return None
    return None


def functions_referenced(template: dict, value) -> set[str]:
    return {f for f in (function_of(template, r) for r in refs(value)) if f}


def alarms(template: dict) -> dict[str, dict]:
    return of_type(template, "AWS::CloudWatch::Alarm")


def alarm_metrics(alarm: dict) -> list[tuple[str, str, dict]]:
    """(namespace, metric name, dimensions by name) of an alarm's metric, or of each metric of its metric math."""
    p = props(alarm)
    found = []
    if p.get("MetricName"):
        found.append((p.get("Namespace"), p["MetricName"], {d["Name"]: d["Value"] for d in as_list(p.get("Dimensions"))}))
    for query in as_list(p.get("Metrics")):
        metric = (query.get("MetricStat") or {}).get("Metric")
        if metric:
            found.append((metric.get("Namespace"), metric.get("MetricName"),
                          {d["Name"]: d["Value"] for d in as_list(metric.get("Dimensions"))}))
    return found


def has_alarm(template: dict, namespace: str, metric_names: Iterable[str], dimension: str, target: str) -> bool:
    names = set(metric_names)
    for alarm in alarms(template).values():
        for ns, metric, dimensions in alarm_metrics(alarm):
            if ns == namespace and metric in names and target in refs(dimensions.get(dimension)):
                if as_list(props(alarm).get("AlarmActions")):
                    return True
    return False


# ---------------------------------------------------------------------------------------------------- the rules
@dataclass
class Context:
    repo: Path
    sam: dict  # template.yaml as read (CodeUri still local paths)
    cfn: dict  # packaged and transformed
    require_artifacts: bool = False
    transform_with: Callable[[dict], dict] | None = None  # packages and transforms a SAM template (alias-republish)


@dataclass
class Rule:
    id: str
    catches: str
    check: Callable[[Context], list[str]]


RULES: list[Rule] = []


def rule(rule_id: str, catches: str):
    def register(check):
        RULES.append(Rule(rule_id, catches, check))
        return check
    return register


def sam_functions(sam: dict) -> dict[str, dict]:
    return of_type(sam, "AWS::Serverless::Function")


def local_code(ctx: Context):
    """(name, function, CodeUri, its path in the repository) of each function whose CodeUri is a local path."""
    for name, fn in sam_functions(ctx.sam).items():
        code_uri = props(fn).get("CodeUri")
        if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
            yield name, fn, code_uri, ctx.repo / code_uri


@rule("sam-build-skips-prebuilt-code",
      "a function whose CodeUri is a built file that `sam build` would still hand to its language builder as a "
      "source folder (SAM CLI skips only a .zip CodeUri, InlineCode or Metadata SkipBuild)")
def sam_build(ctx: Context) -> list[str]:
    problems = []
    for name, fn, code_uri, path in local_code(ctx):
        p, metadata = props(fn), fn.get("Metadata") or {}
        if p.get("InlineCode") or code_uri.endswith(".zip") or metadata.get("SkipBuild", False):
            continue
        if not code_uri.endswith("/") and (path.is_file() or Path(code_uri).suffix):
            problems.append(f"{name}: CodeUri {code_uri} is a file, but `sam build` builds it as a source folder "
                            f"(add Metadata: SkipBuild: true, or point CodeUri at a folder it can build)")
    return problems


@rule("sam-package-uploads-as-is",
      "a CodeUri file that `sam package`/`sam deploy` would wrap in a new zip (any file that is not a zip archive), "
      "or a missing artifact")
def sam_package(ctx: Context) -> list[str]:
    problems = []
    for name, _, code_uri, path in local_code(ctx):
        if path.is_file():
            if not zipfile.is_zipfile(path):
                problems.append(f"{name}: {code_uri} is not a zip archive; sam deploy would zip the file itself and "
                                f"Lambda would find no classes in it")
        elif path.is_dir():
            continue
        elif ctx.require_artifacts:
            problems.append(f"{name}: {code_uri} does not exist (run `make build` before `sam deploy`)")
    return problems


@rule("route-auth-explicit",
      "an HTTP route whose event names no Auth: `sam deploy --guided` stops at \"may not have authorization defined\" "
      "(samcli/commands/deploy/auth_utils.py), and the local cloud would serve it without the default authorizer")
def route_auth(ctx: Context) -> list[str]:
    problems = []
    for name, fn in sam_functions(ctx.sam).items():
        for event_name, event in (props(fn).get("Events") or {}).items():
            if event.get("Type") in ("Api", "HttpApi") and not (event.get("Properties") or {}).get("Auth"):
                problems.append(f"{name}.Events.{event_name}: no Auth (name CustomerJwt or NONE)")
    return problems


@rule("alias-republishes-on-any-change",
      "AutoPublishAlias without AutoPublishAliasAllProperties: a Timeout, Handler or MemorySize change does not "
      "publish a new version, so the alias that the triggers invoke keeps the old configuration")
def alias_republish(ctx: Context) -> list[str]:
    if ctx.transform_with is None:
        return []
    problems = []

    def versions(template: dict) -> dict[str, str]:
        return {function_of(template, k): k for k in of_type(template, "AWS::Lambda::Version")}

    before = versions(ctx.cfn)
    for label, change in (("Timeout", lambda p: p.update(Timeout=int(p.get("Timeout") or 3) + 1)),
                          ("Handler", lambda p: p.update(Handler=str(p.get("Handler")) + "X"))):
        changed = copy.deepcopy(ctx.sam)
        for fn in sam_functions(changed).values():
            change(fn.setdefault("Properties", {}))
        after = versions(ctx.transform_with(changed))
        for function, version in before.items():
            if after.get(function) == version:
                problems.append(f"{function}: changing its {label} publishes no new version ({version} stays)")
    return problems


@rule("no-placeholder-defaults",
      "a parameter whose default is a placeholder (example.com, EXAMPLE, ...): a deploy with the defaults points "
      "customers or the authorizer at something that does not exist")
def placeholders(ctx: Context) -> list[str]:
    return [f"Parameters.{name}: default {p.get('Default')!r} is a placeholder"
            for name, p in (ctx.sam.get("Parameters") or {}).items()
            if PLACEHOLDER.search(str(p.get("Default", "")))]


@rule("http-api-timeout",
      f"a function behind an HTTP API whose Timeout leaves less than {API_TIMEOUT_MARGIN} s before the gateway's "
      f"{HTTP_API_INTEGRATION_LIMIT} s integration limit: a slow call becomes a bare gateway 503")
def api_timeout(ctx: Context) -> list[str]:
    behind = set()
    for api in of_type(ctx.cfn, "AWS::ApiGatewayV2::Api").values():
        behind |= functions_referenced(ctx.cfn, props(api).get("Body"))
    for integration in of_type(ctx.cfn, "AWS::ApiGatewayV2::Integration").values():
        behind |= functions_referenced(ctx.cfn, props(integration).get("IntegrationUri"))
    limit = HTTP_API_INTEGRATION_LIMIT - API_TIMEOUT_MARGIN
    return [f"{fn}: Timeout {props(ctx.cfn['Resources'][fn]).get('Timeout', 3)} s behind an HTTP API (at most {limit})"
            for fn in sorted(behind) if int(props(ctx.cfn["Resources"][fn]).get("Timeout", 3)) > limit]


@rule("queue-visibility-covers-timeout",
      "an SQS event source whose queue's VisibilityTimeout is under 6 x the function's Timeout (AWS's rule): "
      "messages in flight come back while the function still works on them")
def visibility(ctx: Context) -> list[str]:
    problems = []
    resources = ctx.cfn["Resources"]
    for name, mapping in of_type(ctx.cfn, "AWS::Lambda::EventSourceMapping").items():
        queues = [q for q in refs(props(mapping).get("EventSourceArn")) if resources.get(q, {}).get("Type") == "AWS::SQS::Queue"]
        fn = function_of(ctx.cfn, name)
        for queue in queues:
            visibility_timeout = int(props(resources[queue]).get("VisibilityTimeout", 30))
            timeout = int(props(resources[fn]).get("Timeout", 3)) if fn else 0
            if visibility_timeout < 6 * timeout:
                problems.append(f"{queue}: VisibilityTimeout {visibility_timeout} s < 6 x {fn}'s Timeout {timeout} s")
    return problems


@rule("function-alarms",
      "a function without an Errors and a Throttles alarm that notifies someone")
def function_alarms(ctx: Context) -> list[str]:
    problems = []
    for fn in of_type(ctx.cfn, "AWS::Lambda::Function"):
        for metric in ("Errors", "Throttles"):
            if not has_alarm(ctx.cfn, "AWS/Lambda", [metric], "FunctionName", fn):
                problems.append(f"{fn}: no {metric} alarm")
    return problems


@rule("api-5xx-alarm", "an HTTP API without an alarm on its 5xx answers")
def api_alarm(ctx: Context) -> list[str]:
    return [f"{api}: no 5xx alarm" for api in of_type(ctx.cfn, "AWS::ApiGatewayV2::Api")
            if not has_alarm(ctx.cfn, "AWS/ApiGateway", ["5xx", "5XXError"], "ApiId", api)]


@rule("table-throttle-alarm", "a DynamoDB table without an alarm on throttled requests")
def table_alarm(ctx: Context) -> list[str]:
    return [f"{table}: no throttling alarm" for table in of_type(ctx.cfn, "AWS::DynamoDB::Table")
            if not has_alarm(ctx.cfn, "AWS/DynamoDB", ["ReadThrottleEvents", "WriteThrottleEvents", "ThrottledRequests"],
                             "TableName", table)]


@rule("sms-spend-alarm",
      "a stack that may send SMS (sns:Publish on *) without an alarm on SMSMonthToDateSpentUSD: at the monthly "
      "spend limit SNS silently stops sending")
def sms_alarm(ctx: Context) -> list[str]:
    sends_sms = any(allows(s, "sns:Publish") and "*" in as_list(s.get("Resource"))
                    for role in of_type(ctx.cfn, "AWS::IAM::Role").values()
                    for policy in as_list(props(role).get("Policies")) for s in statements(policy.get("PolicyDocument")))
    spend_alarm = any(ns == "AWS/SNS" and metric == "SMSMonthToDateSpentUSD" and as_list(props(a).get("AlarmActions"))
                      for a in alarms(ctx.cfn).values() for ns, metric, _ in alarm_metrics(a))
    return ["a function may send SMS but no alarm watches SMSMonthToDateSpentUSD"] if sends_sms and not spend_alarm else []


def dead_letter_queues(cfn: dict) -> dict[str, str]:
    """Queues that receive what failed, with who sends it there."""
    queues = of_type(cfn, "AWS::SQS::Queue")
    found: dict[str, str] = {}

    def add(value, why):
        for q in refs(value):
            if q in queues:
                found.setdefault(q, why)

    for name, q in queues.items():
        add((props(q).get("RedrivePolicy") or {}).get("deadLetterTargetArn"), f"dead-letter queue of {name}")
    for name, r in of_type(cfn, "AWS::Lambda::EventSourceMapping", "AWS::Lambda::EventInvokeConfig").items():
        add(((props(r).get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination"), f"on-failure of {name}")
    for name, r in of_type(cfn, "AWS::Events::Rule").items():
        for target in as_list(props(r).get("Targets")):
            add((target.get("DeadLetterConfig") or {}).get("Arn"), f"dead-letter queue of {name}")
    return found


@rule("queue-alarms",
      "a queue nobody watches: a work queue (with a redrive policy) without an ApproximateAgeOfOldestMessage alarm, a "
      "dead-letter or failure queue without an ApproximateNumberOfMessagesVisible alarm")
def queue_alarms(ctx: Context) -> list[str]:
    problems = []
    dlqs = dead_letter_queues(ctx.cfn)
    for name, q in of_type(ctx.cfn, "AWS::SQS::Queue").items():
        if props(q).get("RedrivePolicy") and not has_alarm(ctx.cfn, "AWS/SQS", ["ApproximateAgeOfOldestMessage"], "QueueName", name):
            problems.append(f"{name}: work queue without an oldest-message age alarm")
        if name in dlqs and not has_alarm(ctx.cfn, "AWS/SQS", ["ApproximateNumberOfMessagesVisible"], "QueueName", name):
            problems.append(f"{name} ({dlqs[name]}): no depth alarm")
    return problems


@rule("schedule-failure-destination",
      "a schedule whose failures vanish: an EventBridge rule target without a dead-letter queue and retry policy, or "
      "a function it invokes (asynchronously) without an on-failure destination")
def schedules(ctx: Context) -> list[str]:
    problems = []
    invoke_configs = {function_of(ctx.cfn, k): r for k, r in of_type(ctx.cfn, "AWS::Lambda::EventInvokeConfig").items()}
    for name, r in of_type(ctx.cfn, "AWS::Events::Rule").items():
        for target in as_list(props(r).get("Targets")):
            where = f"{name} target {target.get('Id')}"
            if not (target.get("DeadLetterConfig") or {}).get("Arn"):
                problems.append(f"{where}: no DeadLetterConfig")
            if not target.get("RetryPolicy"):
                problems.append(f"{where}: no RetryPolicy")
            for fn in functions_referenced(ctx.cfn, target.get("Arn")):
                config = invoke_configs.get(fn)
                if not config or not ((props(config).get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination"):
                    problems.append(f"{where}: {fn} has no EventInvokeConfig on-failure destination")
    for name, s in of_type(ctx.cfn, "AWS::Scheduler::Schedule").items():
        if not ((props(s).get("Target") or {}).get("DeadLetterConfig") or {}).get("Arn"):
            problems.append(f"{name}: no DeadLetterConfig")
    return problems


@rule("stateful-resources-retained",
      "a resource holding data that cannot be recreated (secrets, tables, queues, user pools) without DeletionPolicy "
      "and UpdateReplacePolicy Retain: deleting or replacing the stack deletes it")
def retained(ctx: Context) -> list[str]:
    problems = []
    for name, r in ctx.cfn["Resources"].items():
        if r["Type"] in STATEFUL_TYPES:
            for policy in ("DeletionPolicy", "UpdateReplacePolicy"):
                if r.get(policy) not in ("Retain", "Snapshot", "RetainExceptOnCreate"):
                    problems.append(f"{name} ({r['Type']}): {policy} is {r.get(policy, 'Delete')}")
    return problems


def service_publishers(cfn: dict) -> dict[str, set[str]]:
    """Topic -> the AWS service principals that publish to it: alarms, event rules, and what topic policies admit."""
    topics = of_type(cfn, "AWS::SNS::Topic")
    found: dict[str, set[str]] = {t: set() for t in topics}

    def add(value, principal):
        for t in refs(value) & topics.keys():
            found[t].add(principal)

    for a in alarms(cfn).values():
        for key in ("AlarmActions", "OKActions", "InsufficientDataActions"):
            add(props(a).get(key), "cloudwatch.amazonaws.com")
    for r in of_type(cfn, "AWS::Events::Rule").values():
        for target in as_list(props(r).get("Targets")):
            add(target.get("Arn"), "events.amazonaws.com")
    for p in of_type(cfn, "AWS::SNS::TopicPolicy").values():
        for s in statements(props(p).get("PolicyDocument")):
            if allows(s, "sns:Publish"):
                for principal in principals(s):
                    add(props(p).get("Topics"), principal)
    return found


def topic_policy_admits(cfn: dict, topic: str, principal: str) -> bool:
    for p in of_type(cfn, "AWS::SNS::TopicPolicy").values():
        if topic in refs(props(p).get("Topics")):
            if any(allows(s, "sns:Publish") and principal in principals(s) for s in statements(props(p).get("PolicyDocument"))):
                return True
    return False


def key_of(cfn: dict, value) -> str | None:
    """The AWS::KMS::Key a KmsMasterKeyId names (directly or through an alias of this template)."""
    resources = cfn["Resources"]
    for r in refs(value):
        if resources.get(r, {}).get("Type") == "AWS::KMS::Key":
            return r
        if resources.get(r, {}).get("Type") == "AWS::KMS::Alias":
            return key_of(cfn, props(resources[r]).get("TargetKeyId"))
    if isinstance(value, str):
        for name, alias in of_type(cfn, "AWS::KMS::Alias").items():
            if props(alias).get("AliasName") == value:
                return key_of(cfn, props(alias).get("TargetKeyId"))
    return None


@rule("service-topic-encryption",
      "a topic an AWS service publishes to (CloudWatch alarms, SMS replies, EventBridge) encrypted with a key that "
      "service cannot use: an AWS-managed key (alias/aws/sns), or a key whose policy does not let it "
      "kms:GenerateDataKey* and kms:Decrypt; and such a topic without a topic policy admitting the service")
def service_topics(ctx: Context) -> list[str]:
    problems = []
    for topic, publishers in service_publishers(ctx.cfn).items():
        key_id = props(ctx.cfn["Resources"][topic]).get("KmsMasterKeyId")
        for principal in sorted(publishers):
            if not topic_policy_admits(ctx.cfn, topic, principal):
                problems.append(f"{topic}: no topic policy lets {principal} sns:Publish")
            if key_id is None:
                continue
            key = key_of(ctx.cfn, key_id)
            if key is None:
                problems.append(f"{topic}: encrypted with {json.dumps(key_id)}, whose key policy cannot admit {principal}"
                                f" (use a customer-managed AWS::KMS::Key of this stack)")
                continue
            key_statements = [s for s in statements(props(ctx.cfn["Resources"][key]).get("KeyPolicy")) if principal in principals(s)]
            for action in ("kms:GenerateDataKey", "kms:Decrypt"):
                if not any(allows(s, action) for s in key_statements):
                    problems.append(f"{topic}: key {key} does not let {principal} {action}")
    return problems


@rule("topic-has-publisher",
      "a topic that nothing can publish to: no role of the stack may sns:Publish to it, no alarm or rule targets it, "
      "no topic policy admits a publisher (InboundSmsTopic without a policy for the SMS service)")
def topic_publishers(ctx: Context) -> list[str]:
    published = {t for t, p in service_publishers(ctx.cfn).items() if p}
    for role in of_type(ctx.cfn, "AWS::IAM::Role").values():
        for policy in as_list(props(role).get("Policies")):
            for s in statements(policy.get("PolicyDocument")):
                if allows(s, "sns:Publish"):
                    published |= refs(s.get("Resource"))
    for p in of_type(ctx.cfn, "AWS::SNS::TopicPolicy").values():
        if any(allows(s, "sns:Publish") for s in statements(props(p).get("PolicyDocument"))):
            published |= refs(props(p).get("Topics"))
    return [f"{t}: nothing in the stack can publish to it" for t in of_type(ctx.cfn, "AWS::SNS::Topic") if t not in published]


@rule("alarms-reach-someone",
      "an alarm that notifies nobody: no AlarmActions, or a topic with no subscription (nor a parameter to subscribe)")
def alarms_reach(ctx: Context) -> list[str]:
    problems = []
    subscribed = set()
    for s in of_type(ctx.cfn, "AWS::SNS::Subscription").values():
        subscribed |= refs(props(s).get("TopicArn"))
    for name, a in alarms(ctx.cfn).items():
        targets = refs(props(a).get("AlarmActions"))
        if not targets:
            problems.append(f"{name}: no AlarmActions")
        for topic in targets & of_type(ctx.cfn, "AWS::SNS::Topic").keys():
            if topic not in subscribed:
                problems.append(f"{name}: its topic {topic} has no subscription")
    return sorted(set(problems))


@rule("http-api-cors", "an HTTP API that browsers cannot call: no CORS configuration")
def cors(ctx: Context) -> list[str]:
    return [f"{name}: no CORS configuration" for name, api in of_type(ctx.cfn, "AWS::ApiGatewayV2::Api").items()
            if not props(api).get("CorsConfiguration") and "x-amazon-apigateway-cors" not in (props(api).get("Body") or {})]


@rule("samconfig-deploys-this-template",
      "a samconfig.toml that is missing, ignored by git, lacks what `sam deploy` needs (capabilities for the IAM "
      "roles, an artifact bucket, template.yaml rather than a stale .aws-sam/build) or overrides unknown parameters")
def samconfig(ctx: Context) -> list[str]:
    path = ctx.repo / "samconfig.toml"
    if not path.is_file():
        return ["samconfig.toml is missing"]
    problems = []
    ignored = subprocess.run(["git", "-C", str(ctx.repo), "check-ignore", "-q", "samconfig.toml"], capture_output=True)
    if ignored.returncode == 0:
        problems.append("samconfig.toml is ignored by git (.gitignore)")
    config = tomllib.loads(path.read_text())
    deploy = config.get("default", {}).get("deploy", {}).get("parameters", {})
    if config.get("version") is None:
        problems.append("samconfig.toml: no version")
    capabilities = set(as_list(deploy.get("capabilities", "").split() if isinstance(deploy.get("capabilities"), str)
                               else deploy.get("capabilities")))
    roles = of_type(ctx.cfn, "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")
    named = any(props(r).get("RoleName") or props(r).get("ManagedPolicyName") for r in roles.values())
    needed = "CAPABILITY_NAMED_IAM" if named else "CAPABILITY_IAM"
    if roles and not ({needed, "CAPABILITY_NAMED_IAM"} & capabilities):
        problems.append(f"samconfig.toml: default.deploy.parameters.capabilities lacks {needed}")
    if deploy.get("template_file") not in ("template.yaml", str(ctx.repo / "template.yaml")):
        problems.append("samconfig.toml: default.deploy.parameters.template_file should be template.yaml")
    if not deploy.get("resolve_s3") and not deploy.get("s3_bucket"):
        problems.append("samconfig.toml: neither resolve_s3 nor s3_bucket: sam deploy has nowhere to upload the jars")
    overrides = deploy.get("parameter_overrides", "")
    overrides = " ".join(overrides) if isinstance(overrides, list) else overrides
    for name in re.findall(r'(\w+)=', overrides):
        if name not in (ctx.sam.get("Parameters") or {}):
            problems.append(f"samconfig.toml: parameter_overrides names {name}, which template.yaml does not declare")
    return problems


def readme_section(readme: str, title: str) -> str:
    start = readme.find(f"\n## {title}\n")
    if start < 0:
        return ""
    end = readme.find("\n## ", start + 1)
    return readme[start:] if end < 0 else readme[start:end]


@rule("readme-runbook",
      "a README \"Deploying\" runbook that has fallen behind the stack: a parameter, alarm or stack output it does not "
      "name, a `make` target or infra/bin script it names that does not exist")
def readme_runbook(ctx: Context) -> list[str]:
    readme = ctx.repo / "README.md"
    section = readme_section(readme.read_text(), "Deploying") if readme.is_file() else ""
    if not section:
        return ["README.md has no \"## Deploying\" section"]
    problems = []
    named = set(re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", section, flags=re.DOTALL)))
    words = set(re.findall(r"[A-Za-z0-9]+", " ".join(named)))
    for kind, names in (("parameter", (ctx.sam.get("Parameters") or {}).keys()), ("alarm", alarms(ctx.cfn).keys()),
                        ("stack output", (ctx.sam.get("Outputs") or {}).keys())):
        problems += [f"Deploying does not name the {kind} {n}" for n in names if n not in words]
    makefile = (ctx.repo / "Makefile").read_text() if (ctx.repo / "Makefile").is_file() else ""
    targets = set(re.findall(r"^([A-Za-z][\w-]*):", makefile, re.MULTILINE))
    for target in sorted(set(re.findall(r"\bmake ([a-z][\w-]*)", section))):
        if target not in targets:
            problems.append(f"Deploying runs `make {target}`, which the Makefile does not define")
    for script in sorted(set(re.findall(r"infra/bin/([\w-]+)", section))):
        if not (ctx.repo / "infra" / "bin" / script).is_file():
            problems.append(f"Deploying names infra/bin/{script}, which does not exist")
    return problems


# ---------------------------------------------------------------------------------------------------- the pipeline
class _ManagedPolicies:
    """The transform asks for AWS managed policy ARNs only for names its bundled list lacks; none are used here."""

    def load(self):
        return {}


def package(sam: dict) -> dict:
    """What `sam package` leaves: each local CodeUri replaced by the S3 URI of its upload."""
    packaged = copy.deepcopy(sam)
    for name, fn in of_type(packaged, "AWS::Serverless::Function").items():
        code_uri = props(fn).get("CodeUri")
        if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
            fn["Properties"]["CodeUri"] = f"s3://trackline-artifacts/{hashlib.md5(code_uri.encode()).hexdigest()}"
    return packaged


def sam_transform(sam: dict) -> dict:
    parameters = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws", "AWS::StackName": STACK}
    return transform(package(sam), parameters, _ManagedPolicies())


def cfn_lint(path: Path, sam: dict) -> list[str]:
    """cfn-lint's findings that fail the check: errors, and warnings but W2001 for a parameter that the SAM
    transform resolves itself (it writes the value into the API definition, e.g. CorsAllowedOrigin)."""
    lint = subprocess.run([sys.executable, "-c", "import sys; from cfnlint.runner import main; sys.exit(main())",
                           "--format", "parseable", str(path)], capture_output=True, text=True)
    if lint.returncode & 1:
        return [f"cfn-lint could not run: {lint.stdout}{lint.stderr}"]
    used_in_sam = refs(sam.get("Resources")) | refs(sam.get("Outputs")) | refs(sam.get("Globals")) | refs(sam.get("Conditions"))
    problems = []
    for line in lint.stdout.splitlines():
        match = re.search(r":\d+:\d+:\d+:\d+:([EWI]\d+):(.*)$", line)
        if not match:
            continue
        code, message = match.groups()
        unused = re.match(r"Parameter (\w+) not used", message)
        if code == "W2001" and unused and unused.group(1) in used_in_sam:
            continue
        if code.startswith(("E", "W")):
            problems.append(f"{code} {message}")
    return problems


def run(repo: Path, require_artifacts: bool = False, sam: dict | None = None, out: Path | None = None,
        lint: bool = True, only: set[str] | None = None) -> dict[str, list[str]]:
    """Every check over the repository's template (or the given SAM template): rule id -> problems (empty = pass).
    `only` limits the rules run (the tests' broken copies); cfn-lint runs when `out` is given and `lint` is set."""
    sam = sam if sam is not None else yaml_parse((repo / "template.yaml").read_text())
    findings: dict[str, list[str]] = {}
    try:
        cfn = sam_transform(sam)
    except Exception as e:  # the transform's own errors (InvalidDocumentException, ...) are findings
        return {"sam-transform": [str(e)]}
    findings["sam-transform"] = []
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(cfn, indent=1, sort_keys=True))
        if lint:
            findings["cfn-lint"] = cfn_lint(out, sam)
    ctx = Context(repo=repo, sam=sam, cfn=cfn, require_artifacts=require_artifacts, transform_with=sam_transform)
    for r in RULES:
        if only is None or r.id in only:
            findings[r.id] = r.check(ctx)
    return findings


def main(argv: list[str]) -> int:
    repo = Path(argv[argv.index("--repo") + 1]) if "--repo" in argv else Path(__file__).resolve().parents[2]
    out = repo / "target" / "packaged-transformed.json"
    findings = run(repo, require_artifacts="--require-artifacts" in argv, out=out)
    failed = {k: v for k, v in findings.items() if v}
    for check in findings:
        print(f"{'FAIL' if findings[check] else 'ok  '} {check}")
        for problem in findings[check]:
            print(f"       {problem}")
    print(f"packaged, transformed template: {out.relative_to(repo)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
