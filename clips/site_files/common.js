// What every page of the site uses (the lecture page, the presenter, the course's index page):
// elements made with their text set as textContent only, times as m:ss, a problem said on the page,
// and the pages' own words in the lecture's language.
"use strict";

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function showProblem(text) {
  const problem = document.getElementById("problem");
  problem.textContent = text;
  problem.hidden = false;
}

// One of the pages' own words (lecture.words, written in the lecture's language by site.py),
// with its {name}s filled in; a word the data lacks stays as the page wrote it, in English.
function said(lecture, name, values = {}, english = "") {
  const template = (lecture.words && lecture.words[name]) || english;
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

// Every element marked data-word="name" takes that word as its text.
function sayWords(lecture) {
  document.querySelectorAll("[data-word]").forEach((marked) => {
    marked.textContent = said(lecture, marked.dataset.word, {}, marked.textContent);
  });
}
