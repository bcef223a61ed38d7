#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build gxconvert (the C libraries it wraps: libxml2,
# libzip, libcrypto for SHA-256, poppler-glib and zlib for PDFs; poppler-utils for the PDF bench;
# leptonica and libtesseract with chi_sim and eng data for scans).
set -euo pipefail
if ! pkg-config --exists libxml-2.0 libzip libcrypto poppler-glib zlib lept tesseract 2>/dev/null \
   || ! ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 \
   || ! ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y libxml2-dev libzip-dev libssl-dev libpoppler-glib-dev zlib1g-dev poppler-utils pkg-config \
    libleptonica-dev libtesseract-dev tesseract-ocr-chi-sim tesseract-ocr-eng
fi
# The CSV formula-injection test opens our CSV with LibreOffice Calc (headless) and reads the xlsx
# back with Python; old .doc/.wps uploads are converted with LibreOffice Writer (its Word filter).
if ! command -v soffice >/dev/null 2>&1 || ! ls /usr/lib/libreoffice/program/libscfiltlo.so >/dev/null 2>&1 \
   || ! ls /usr/lib/libreoffice/program/libmswordlo.so >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui python3
fi
