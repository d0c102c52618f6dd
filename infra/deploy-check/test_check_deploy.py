"""Each deploy rule fires on a deliberately broken copy of template.yaml (or samconfig.toml), and only the mistake
breaks it: the repository's own template passes every rule. Run: python3 -m unittest discover infra/deploy-check"""
from __future__ import annotations

import copy
import subprocess
import tempfile
import unittest
import zipfile
from pathlib import Path

import check_deploy as cd
from samtranslator.yaml_helper import yaml_parse

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = yaml_parse((REPO / "template.yaml").read_text())


def resources(sam: dict) -> dict:
    return sam["Resources"]


def fn_props(sam: dict, name: str) -> dict:
    return sam["Resources"][name]["Properties"]


class RepositoryTemplate(unittest.TestCase):
    def test_every_rule_passes_on_the_repository_template(self):
        findings = cd.run(REPO, sam=copy.deepcopy(TEMPLATE), lint=False)
        self.assertEqual({k: v for k, v in findings.items() if v}, {})
        self.assertEqual(set(findings), {"sam-transform"} | {r.id for r in cd.RULES})


class BrokenCopies(unittest.TestCase):
    """One test per class of mistake: break the template the way issue #11 found it (or a sibling), expect the rule."""

    def fires(self, rule_id: str, breaks, repo: Path = REPO, lint: bool = False, **kwargs) -> list[str]:
        sam = copy.deepcopy(TEMPLATE)
        breaks(sam)
        out = None
        if lint:
            out = Path(tempfile.mkdtemp()) / "packaged-transformed.json"
        findings = cd.run(repo, sam=sam, out=out, lint=lint, only={rule_id}, **kwargs)
        self.assertTrue(findings.get(rule_id), f"{rule_id} did not fire; findings: {findings}")
        return findings[rule_id]

    # item 2: sam build / sam deploy and the jar
    def test_sam_build_fires_when_a_jar_code_uri_has_no_skip_build(self):
        problems = self.fires("sam-build-skips-prebuilt-code", lambda s: resources(s)["WebhookFunction"].pop("Metadata"))
        self.assertIn("WebhookFunction", problems[0])

    def test_sam_package_fires_when_the_code_file_is_not_a_zip_or_is_missing(self):
        repo = Path(tempfile.mkdtemp())
        (repo / "function.jar").write_text("not a zip")
        (repo / "good.jar").write_bytes(b"")
        with zipfile.ZipFile(repo / "good.jar", "w") as jar:
            jar.writestr("io/trackline/A.class", b"\xca\xfe")

        def code(s, uri):
            for name in ("WebhookFunction", "ApiFunction"):
                fn_props(s, name)["CodeUri"] = uri

        self.fires("sam-package-uploads-as-is", lambda s: code(s, "function.jar"), repo=repo)
        self.fires("sam-package-uploads-as-is", lambda s: code(s, "missing.jar"), repo=repo, require_artifacts=True)
        every_jar_good = copy.deepcopy(TEMPLATE)
        for fn in cd.sam_functions(every_jar_good).values():
            fn["Properties"]["CodeUri"] = "good.jar"
        ok = cd.run(repo, sam=every_jar_good, only={"sam-package-uploads-as-is"}, require_artifacts=True)
        self.assertEqual(ok["sam-package-uploads-as-is"], [])

    # item 8: sam deploy --guided and route authorization
    def test_route_auth_fires_when_a_route_names_no_authorizer(self):
        def breaks(s):
            fn_props(s, "ApiFunction")["Events"]["PublicTracking"]["Properties"].pop("Auth")
        self.assertIn("PublicTracking", self.fires("route-auth-explicit", breaks)[0])

    def test_transform_fails_when_none_is_used_without_a_default_authorizer(self):
        def breaks(s):
            fn_props(s, "HttpApi")["Auth"].pop("DefaultAuthorizer")
        self.assertTrue(cd.run(REPO, sam=self._broken(breaks), lint=False)["sam-transform"])

    def _broken(self, breaks):
        sam = copy.deepcopy(TEMPLATE)
        breaks(sam)
        return sam

    # item 7: alias live
    def test_alias_rule_fires_when_only_code_changes_republish(self):
        problems = self.fires("alias-republishes-on-any-change", lambda s: s["Globals"]["Function"].pop("AutoPublishAliasAllProperties"))
        self.assertTrue(any("Timeout" in p for p in problems) and any("Handler" in p for p in problems), problems)

    # item 8: placeholders
    def test_placeholder_rule_fires_on_example_defaults(self):
        def breaks(s):
            s["Parameters"]["JwtIssuer"]["Default"] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE"
            s["Parameters"]["TrackingPageUrl"]["Default"] = "https://track.example.com/t"
        self.assertEqual(len(self.fires("no-placeholder-defaults", breaks)), 2)

    # item 6: timeouts
    def test_api_timeout_fires_when_a_function_behind_the_api_may_run_30_s(self):
        problems = self.fires("http-api-timeout", lambda s: fn_props(s, "ApiFunction").pop("Timeout"))
        self.assertIn("ApiFunction", problems[0])
        self.fires("http-api-timeout", lambda s: fn_props(s, "WebhookFunction").update(Timeout=25))

    def test_visibility_fires_when_a_queue_would_redeliver_a_message_in_flight(self):
        self.fires("queue-visibility-covers-timeout", lambda s: fn_props(s, "IngestQueue").update(VisibilityTimeout=60))
        self.fires("queue-visibility-covers-timeout", lambda s: fn_props(s, "NotifierFunction").update(Timeout=60))

    # item 7: what nobody watches
    def test_function_alarms_fire_for_a_function_without_errors_or_throttles_alarm(self):
        self.fires("function-alarms", lambda s: resources(s).pop("RelayFunctionThrottlesAlarm"))
        self.fires("function-alarms", lambda s: resources(s).pop("ApiFunctionErrorsAlarm"))

    def test_function_alarms_fire_for_a_new_function(self):
        def breaks(s):
            resources(s)["ExtraFunction"] = copy.deepcopy(resources(s)["ProcessorFunction"])
            fn_props(s, "ExtraFunction").pop("Events")
        self.assertEqual(len(self.fires("function-alarms", breaks)), 2)

    def test_api_5xx_table_and_sms_alarms_fire_when_missing(self):
        self.fires("api-5xx-alarm", lambda s: resources(s).pop("ApiServerErrorsAlarm"))
        self.fires("table-throttle-alarm", lambda s: resources(s).pop("TableThrottleAlarm"))
        self.fires("sms-spend-alarm", lambda s: resources(s).pop("SmsSpendAlarm"))

    def test_queue_alarms_fire_for_an_unwatched_work_queue_or_failure_queue(self):
        self.assertIn("IngestQueue", self.fires("queue-alarms", lambda s: resources(s).pop("IngestQueueAgeAlarm"))[0])
        self.assertIn("SweeperFailureQueue", self.fires("queue-alarms", lambda s: resources(s).pop("SweeperFailureAlarm"))[0])
        self.assertIn("RelayFailureQueue", self.fires("queue-alarms", lambda s: resources(s).pop("RelayFailureAlarm"))[0])

    def test_schedule_rule_fires_without_dead_letter_queue_or_on_failure_destination(self):
        def no_dlq(s):
            fn_props(s, "SweeperFunction")["Events"]["Sweep"]["Properties"].pop("DeadLetterConfig")
            resources(s).pop("SweeperFailureQueuePolicy")
        self.fires("schedule-failure-destination", no_dlq)
        self.fires("schedule-failure-destination", lambda s: fn_props(s, "SweeperFunction").pop("EventInvokeConfig"))

    def test_retain_rule_fires_when_deleting_the_stack_deletes_data(self):
        self.assertIn("WebhookSecrets", self.fires("stateful-resources-retained",
                                                   lambda s: resources(s)["WebhookSecrets"].pop("DeletionPolicy"))[0])
        self.fires("stateful-resources-retained", lambda s: resources(s)["IngestDeadLetterQueue"].pop("UpdateReplacePolicy"))
        self.fires("stateful-resources-retained", lambda s: resources(s)["CustomerUserPool"].pop("DeletionPolicy"))

    # item 4 and 5: topics AWS services publish to
    def test_service_topic_rule_fires_on_the_aws_managed_key(self):
        for topic in ("OperationsTopic", "InboundSmsTopic"):
            problems = self.fires("service-topic-encryption",
                                  lambda s, t=topic: fn_props(s, t).update(KmsMasterKeyId="alias/aws/sns"))
            self.assertIn(topic, problems[0])

    def test_service_topic_rule_fires_when_the_key_policy_leaves_a_publisher_out(self):
        def drop(sid):
            def breaks(s):
                policy = fn_props(s, "ServiceTopicsKey")["KeyPolicy"]
                policy["Statement"] = [st for st in policy["Statement"] if st.get("Sid") != sid]
            return breaks
        self.assertIn("cloudwatch", self.fires("service-topic-encryption", drop("CloudWatchAlarmsPublish"))[0])
        self.assertIn("sms-voice", self.fires("service-topic-encryption", drop("SmsRepliesPublish"))[0])

    def test_service_topic_rule_fires_when_alarms_target_a_topic_without_a_policy_for_cloudwatch(self):
        problems = self.fires("service-topic-encryption", lambda s: resources(s).pop("OperationsTopicPolicy"))
        self.assertIn("no topic policy lets cloudwatch.amazonaws.com", problems[0])

    def test_publisher_rule_fires_when_nothing_can_publish_to_a_topic(self):
        problems = self.fires("topic-has-publisher", lambda s: resources(s).pop("InboundSmsTopicPolicy"))
        self.assertEqual(problems, ["InboundSmsTopic: nothing in the stack can publish to it"])

    def test_alarm_rule_fires_when_the_alarm_topic_has_no_subscription(self):
        self.fires("alarms-reach-someone", lambda s: resources(s).pop("OperatorEmailSubscription"))
        self.fires("alarms-reach-someone", lambda s: fn_props(s, "IngestQueueAgeAlarm").pop("AlarmActions"))

    def test_cors_rule_fires_without_cors(self):
        self.fires("http-api-cors", lambda s: fn_props(s, "HttpApi").pop("CorsConfiguration"))

    # the deploy command's configuration
    def test_samconfig_rule_fires_on_an_incomplete_or_ignored_config(self):
        repo = Path(tempfile.mkdtemp())
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        (repo / "samconfig.toml").write_text('version = 0.1\n[default.deploy.parameters]\nstack_name = "t"\n'
                                             'parameter_overrides = "NoSuchParameter=1"\n')
        problems = self.fires("samconfig-deploys-this-template", lambda s: None, repo=repo)
        self.assertTrue(any("CAPABILITY_IAM" in p for p in problems), problems)
        self.assertTrue(any("template_file" in p for p in problems), problems)
        self.assertTrue(any("resolve_s3" in p for p in problems), problems)
        self.assertTrue(any("NoSuchParameter" in p for p in problems), problems)
        (repo / ".gitignore").write_text("samconfig.toml\n")
        self.assertTrue(any("ignored by git" in p for p in self.fires("samconfig-deploys-this-template", lambda s: None, repo=repo)))

    # the runbook
    def test_readme_rule_fires_when_the_runbook_falls_behind(self):
        repo = Path(tempfile.mkdtemp())
        (repo / "infra" / "bin").mkdir(parents=True)
        (repo / "Makefile").write_text((REPO / "Makefile").read_text())
        readme = (REPO / "README.md").read_text()
        (repo / "README.md").write_text(readme.replace("`SmsSpendAlarm`", "the spend alarm")
                                        .replace("`OperatorEmail`", "the operator's email")
                                        .replace("make deploy", "make ship"))
        problems = self.fires("readme-runbook", lambda s: None, repo=repo)
        for expected in ("alarm SmsSpendAlarm", "parameter OperatorEmail", "make ship", "infra/bin/api-keys"):
            self.assertTrue(any(expected in p for p in problems), (expected, problems))

    # cfn-lint over the transformed template
    def test_cfn_lint_fails_on_errors_and_on_unused_parameters(self):
        def breaks(s):
            fn_props(s, "SmsSpendAlarm")["ComparisonOperator"] = "Bigger"
            s["Parameters"]["Unused"] = {"Type": "String", "Default": "x"}
        problems = self.fires("cfn-lint", breaks, lint=True)
        self.assertTrue(any(p.startswith("E") and "Bigger" in p for p in problems), problems)
        self.assertTrue(any(p.startswith("W2001") and "Unused" in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
