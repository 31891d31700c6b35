// Show a follow-up question only when the earlier answer calls for it; hidden inputs are disabled
// so they are not sent. The server applies the same rule and refuses answers to hidden questions.
(function () {
  const form = document.getElementById("questionnaire");
  function answer(id) {
    const checked = form.querySelector('input[name="a-' + id + '"]:checked');
    if (checked) return checked.value;
    const text = form.querySelector('[name="a-' + id + '"]');
    return text && text.type !== "radio" ? text.value.trim() : "";
  }
  function update() {
    form.querySelectorAll(".question").forEach(function (block) {
      const parent = block.dataset.showIfQuestion;
      if (!parent) return;
      const parentBlock = document.getElementById("q-" + parent);
      const show = parentBlock && !parentBlock.hidden && answer(parent) === block.dataset.showIfEquals;
      block.hidden = !show;
      block.querySelectorAll("input, textarea").forEach(function (el) {
        if (!el.dataset.locked) el.disabled = !show;
      });
    });
  }
  form.querySelectorAll("input:disabled, textarea:disabled").forEach(function (el) { el.dataset.locked = "1"; });
  form.addEventListener("change", update);
  update();
})();
