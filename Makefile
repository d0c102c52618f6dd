# Trackline: `make run` starts the whole system locally; `make test` runs every test, then the smoke test on a local cloud.
SHELL := /bin/bash
JAVA_HOME := $(shell infra/bin/find-jdk)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
# Maven 3.8 on a JDK 24+ warns about sun.misc.Unsafe; the flag keeps the output readable.
export MAVEN_OPTS ?= $(shell [ "$$($(JAVA_HOME)/bin/java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" -ge 24 ] && echo --sun-misc-unsafe-memory-access=allow)
MVN := mvn -B -ntp

.PHONY: check-jdk moto build run test lint bench clean

check-jdk:
	@test -n "$(JAVA_HOME)" || { echo "make needs a JDK 21+ (see above)"; exit 1; }

moto:
	@infra/bin/ensure-moto

build: check-jdk
	$(MVN) -q package -DskipTests

run: build moto
	@infra/bin/local-cloud

# After every test, the smoke test against a freshly started local cloud, as `make run` starts it (CI runs this).
test: check-jdk moto
	$(MVN) verify
	@infra/bin/smoke-local-cloud

lint:
	cfn-lint template.yaml

bench: build
	@infra/bin/bench

clean:
	$(MVN) -q clean
