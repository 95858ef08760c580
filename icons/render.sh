#!/usr/bin/env bash
# Regenerates the committed icon files from the two hand-written SVGs:
#   tlsdoctor-small.svg -> 16 and 24 px (drawn on a 16-pixel grid so it stays crisp)
#   tlsdoctor.svg       -> 32, 48, 64, 128, 256 px
#   all seven           -> tlsdoctor.ico (Windows: jpackage --icon, Explorer, Start menu, taskbar)
# Needs rsvg-convert (Debian: librsvg2-bin) and icotool (Debian: icoutils); installs them when missing (as root).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v icotool >/dev/null 2>&1 || missing+=(icoutils)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

pngs=()
for size in 16 24 32 48 64 128 256; do
  source=tlsdoctor.svg
  [ "$size" -le 24 ] && source=tlsdoctor-small.svg
  rsvg-convert --width "$size" --height "$size" "$source" --output "tlsdoctor-$size.png"
  pngs+=("tlsdoctor-$size.png")
done
# 256 px goes in as PNG (Vista+ reads it; as a bitmap it would be 256 KiB), the rest as classic bitmaps.
icotool --create --output tlsdoctor.ico "${pngs[@]:0:6}" --raw tlsdoctor-256.png
icotool --list tlsdoctor.ico
