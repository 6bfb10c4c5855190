# Loket — one Makefile is the single entry point. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON      ?= python3
BOT_PYTHON  ?= $(shell ls $$HOME/.pyenv/versions/3.10.*/bin/python 2>/dev/null | sort -V | tail -n1 || command -v python3.10)
VENV        := .venv
BOT_VENV    := .venv-bot
APP_STAMP   := $(VENV)/.stamp-installed
BOT_STAMP   := $(BOT_VENV)/.stamp-installed
NLDS_CSS    := handoff/web/static/nlds.css
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help setup setup-system setup-app setup-bot setup-web train run test lint format typecheck \
        bench bench-dashboard bot-eval migrate clean run-scaled soak

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk -F':.*## ' '{printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}'

setup: setup-system setup-app setup-bot setup-web ## Install what is missing (system packages, .venv, .venv-bot, NL Design System CSS); fast when nothing changed

setup-system: ## Install Debian packages the tests and run need (PostgreSQL, Redis, Chromium, node/npm) when missing
	@scripts/setup_system.sh

setup-app: $(APP_STAMP) ## Create .venv (Python 3.11+: routing, API, actions, tests)

$(APP_STAMP): pyproject.toml requirements/app.lock.txt
	@echo "==> .venv: installing app environment"
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install -q --upgrade "pip>=24" 2>&1 | grep -v "^WARNING: Location" || true
	@$(VENV)/bin/python -m pip install -q -c requirements/app.lock.txt -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
	@$(VENV)/bin/python -m pip check
	@touch $@

setup-web: $(NLDS_CSS) ## Vendor the NL Design System CSS components from npm into handoff/web/static/nlds.css

$(NLDS_CSS): package.json package-lock.json scripts/vendor_nlds.sh
	@scripts/vendor_nlds.sh

setup-bot: $(BOT_STAMP) ## Create .venv-bot (Python 3.10 with rasa==3.6.21)

$(BOT_STAMP): requirements/bot.txt
	@echo "==> .venv-bot: installing Rasa (takes about two minutes the first time)"
	@test -n "$(BOT_PYTHON)" || { echo "Python 3.10 not found (pyenv 3.10.x or python3.10 on PATH)"; exit 1; }
	@test -x $(BOT_VENV)/bin/python || $(BOT_PYTHON) -m venv $(BOT_VENV)
	@$(BOT_VENV)/bin/python -m pip install -q --upgrade "pip>=24" 2>&1 | grep -v "^WARNING: Location" || true
	@$(BOT_VENV)/bin/python -m pip install -q -r requirements/bot.txt 2>&1 | grep -v "^WARNING: Location" || true
	@$(BOT_VENV)/bin/python -m pip check
	@touch $@

train: setup-bot ## Train the Rasa model when it is missing or the bot data changed
	@scripts/train.sh

migrate: setup-app ## Create or upgrade the database schema (LOKET_DATABASE_URL, default SQLite under var/)
	@$(VENV)/bin/loket db upgrade

run: setup train migrate ## Start Rasa, the action server, the API and the delivery worker (supervised); prints the chat URL
	@scripts/run.sh

run-scaled: setup train ## Scaled out: own Redis + PostgreSQL (var/scaled/), 3 Rasa servers, 2 API workers, delivery worker (Ctrl-C stops all)
	@scripts/run_scaled.sh

soak: setup train ## Soak the scaled setup: 100 conversations, 10 min, kill -9 mid-way (SOAK_ARGS=--short: 2 min)
	@$(VENV)/bin/python bench/soak.py --start $(SOAK_ARGS)

test: setup train ## Run every check: lint, types, Rasa validation and test stories, pytest (incl. PostgreSQL and browser)
	@scripts/test.sh

lint: setup-app setup-bot ## ruff (lint + format check), mypy on every package, import contracts
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy
	@$(VENV)/bin/mypy --python-executable $(BOT_VENV)/bin/python --python-version 3.10 -p botserver
	@$(VENV)/bin/lint-imports

format: setup-app ## Format the code with ruff
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

bench: setup train ## Run the benchmarks and print their numbers (see docs/benchmarks.md)
	@scripts/bench.sh

bench-dashboard: setup-app ## Dashboard queries on 100,000 generated records, SQLite and PostgreSQL
	@$(VENV)/bin/python bench/dashboard.py

bot-eval: setup-bot ## NLU report: 5-fold cross-validation + the unseen test set (slow: minutes)
	@scripts/bot_eval.sh

clean: ## Remove built models, caches and local data (keeps the virtual environments)
	rm -rf models .rasa results var .pytest_cache .mypy_cache .ruff_cache
