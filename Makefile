# Trackline: `make run` starts the whole system locally; `make test` runs every test, then the smoke test on a local
# cloud; `make deploy` deploys to AWS.
SHELL := /bin/bash
JAVA_HOME := $(shell infra/bin/find-jdk)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
# Maven 3.8 on a JDK 24+ warns about sun.misc.Unsafe; the flag keeps the output readable.
export MAVEN_OPTS ?= $(shell [ "$$($(JAVA_HOME)/bin/java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" -ge 24 ] && echo --sun-misc-unsafe-memory-access=allow)
MVN := mvn -B -ntp

.PHONY: check-jdk moto browser build run test coverage test-clock-shift lint check-deploy deploy bench clean

check-jdk:
	@test -n "$(JAVA_HOME)" || { echo "make needs a JDK 21+ (see above)"; exit 1; }

moto:
	@infra/bin/ensure-moto

# The tracking page's browser test: Chromium with its driver, and axe-core.
browser:
	@infra/bin/ensure-browser
	@infra/bin/ensure-axe >/dev/null

build: check-jdk
	$(MVN) -q package -DskipTests

run: build moto
	@infra/bin/local-cloud

# verify builds every function.jar, which check-deploy then checks the way `sam deploy` will upload it; last, the smoke
# test against a freshly started local cloud, as `make run` starts it (CI runs all of this). -T 1C: one module per core
# at a time (the function modules depend only on engine, not on each other; each module's tests start their own moto).
test: check-jdk moto browser
	$(MVN) -T 1C verify
	infra/bin/check-deploy --require-artifacts
	@infra/bin/smoke-local-cloud

# The same Maven tests with JaCoCo's agent: reports in each module's target/site/jacoco (unit) and jacoco-it (failsafe).
coverage: check-jdk moto browser
	$(MVN) -T 1C -Pcoverage verify

# Every Maven test a year ahead and a year back (libfaketime): no test may depend on the day it runs.
test-clock-shift: check-jdk moto
	infra/bin/test-clock-shift

lint:
	cfn-lint template.yaml
	CHECK_DEPLOY_TESTS=0 infra/bin/check-deploy

check-deploy:
	infra/bin/check-deploy

# The jars first (CodeUri), then SAM CLI uploads them as they are and deploys: no `sam build` (README "Deploying").
# The first run is guided and saves its answers (parameter_overrides) in samconfig.toml.
deploy: build
	@command -v sam >/dev/null 2>&1 || { echo "make deploy needs the AWS SAM CLI (README \"Deploying\", prerequisites)"; exit 1; }
	@if grep -q '^parameter_overrides' samconfig.toml; then sam deploy; else sam deploy --guided; fi

bench: build moto
	@infra/bin/bench
	@infra/bin/bench-lambda

clean:
	$(MVN) -q clean
