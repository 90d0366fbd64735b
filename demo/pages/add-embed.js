// Adds an embed, removes it and puts the same element back, as a page's own script would.
const embeds = document.getElementById("embeds");
let removed = null;
document.getElementById("add-embed").addEventListener("click", () => {
  const embed = document.createElement("reader-widget");
  embed.setAttribute("src", "../articles/syria-resolution.json");
  embeds.append(embed);
});
document.getElementById("remove-embed").addEventListener("click", () => {
  removed = embeds.lastElementChild;
  removed?.remove();
});
document.getElementById("reinsert-embed").addEventListener("click", () => {
  if (removed) embeds.append(removed);
  removed = null;
});
