# The two commands of the README: `make up` runs Provisio locally, `make test` checks it.
.PHONY: up test services stop install

up:
	@bash scripts/up.sh

test:
	@bash scripts/test.sh

# Start the local services alone (FerretDB, Redis, mail catcher) for the dev profile.
services:
	@bash scripts/install.sh && bash scripts/services.sh start dev && bash scripts/services.sh status dev

# Stop the services of both profiles.
stop:
	@bash scripts/services.sh stop dev; bash scripts/services.sh stop test

install:
	@bash scripts/install.sh
