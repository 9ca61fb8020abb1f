# Kolektor: `make run` starts everything for development, `make test` runs the whole suite.
.PHONY: run stop logs test build bench format

run:
	@bash scripts/run.sh

stop:
	@bash scripts/stop.sh

logs:
	@tail -n 50 -F var/log/portal.log var/log/worker.log var/nginx/error.log

test:
	@bash scripts/test.sh

build:
	swift build -c release --product portal

bench:
	@bash bench/http.sh

format:
	swift format --in-place --recursive Sources Tests Package.swift
