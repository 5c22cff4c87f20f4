#!/bin/sh
# Builds a stand-in for the official node:20-bookworm-slim image where Docker Hub cannot be reached (a closed
# network, or a build machine with only a Debian mirror and the npm registry): a minimal Debian 12 root from the
# Debian mirror (mmdebstrap) plus this machine's own Node.js 20 (node, npm, npx, corepack and the C headers that
# native modules build against, in /usr/local as in the official image) and the user `node` (uid/gid 1000) the
# Dockerfile runs as. Nothing is downloaded from elsewhere and nothing is kept in the repository.
#
#   sudo scripts/node-base-image.sh [tag]        default tag: localhost/nongsan-so-base:node20-bookworm-slim
#   then: docker|podman build --build-arg BASE_IMAGE=<tag> -t nongsan-so .
#
# Needs root (mmdebstrap builds the root as root), mmdebstrap, and podman or docker (ENGINE=docker to choose).
# DEBIAN_MIRROR overrides http://deb.debian.org. The official image also carries yarn 1; ours does not (unused).
set -eu

tag=${1:-localhost/nongsan-so-base:node20-bookworm-slim}
engine=${ENGINE:-$(command -v podman >/dev/null 2>&1 && echo podman || echo docker)}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org}

node_bin=$(readlink -f "$(command -v node)")
node_version=$("$node_bin" --version)
case "$node_version" in
  v20.*) ;;
  *) echo "Cần Node.js 20 trên máy này (đang có $node_version)." >&2; exit 1 ;;
esac
# npm and corepack sit next to node in every layout (official tarball, nvm: <prefix>/lib/node_modules; NodeSource
# and Debian packages: /usr/lib/node_modules).
prefix=$(dirname "$(dirname "$node_bin")")
modules=$prefix/lib/node_modules
[ -f "$modules/npm/bin/npm-cli.js" ] || { echo "Không thấy npm trong $modules." >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same trimming as Debian's own -slim images: no manuals, no documentation except licences, no translations;
# dpkg keeps these rules in the image, so packages the Dockerfile adds are trimmed too. apt keeps no .deb files
# and no package caches (78 MB after one `apt-get update`).
mmdebstrap --mode=root --variant=minbase --include=ca-certificates --format=tar \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/groff/*' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --customize-hook='printf "%s\n" "APT::Keep-Downloaded-Packages \"false\";" "Dir::Cache::pkgcache \"\";" "Dir::Cache::srcpkgcache \"\";" > "$1/etc/apt/apt.conf.d/99slim-image" && rm -f "$1"/var/cache/apt/*.bin' \
  --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules\" && cp -a '$node_bin' \"\$1/usr/local/bin/node\"" \
  --customize-hook="cp -a '$modules/npm' \"\$1/usr/local/lib/node_modules/\"" \
  --customize-hook="if [ -d '$prefix/include/node' ]; then mkdir -p \"\$1/usr/local/include\" && cp -a '$prefix/include/node' \"\$1/usr/local/include/\"; fi" \
  --customize-hook="if [ -d '$modules/corepack' ]; then cp -a '$modules/corepack' \"\$1/usr/local/lib/node_modules/\" && ln -s ../lib/node_modules/corepack/dist/corepack.js \"\$1/usr/local/bin/corepack\"; fi" \
  --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" && ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"' \
  --customize-hook='chroot "$1" groupadd --gid 1000 node && chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
  --customize-hook='chroot "$1" node --version && chroot "$1" npm --version' \
  bookworm "$work/root.tar" \
  "deb $mirror/debian bookworm main" \
  "deb $mirror/debian bookworm-updates main" \
  "deb $mirror/debian-security bookworm-security main"

"$engine" import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=${node_version#v}" --change 'CMD ["node"]' "$work/root.tar" "$tag"
echo "Ảnh nền: $tag (Debian 12 tối giản + Node.js $node_version từ $node_bin)"
