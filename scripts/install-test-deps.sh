#!/usr/bin/env bash
# Installs what the end-to-end tests need on Debian: Chromium (driven by playwright-core)
# and openssl (self-signed certificates for the fixture server). Run as root.
set -euo pipefail
missing=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if ! command -v openssl >/dev/null 2>&1; then missing+=(openssl); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
chromium --version 2>/dev/null || "${CHROME_PATH:-false}" --version
