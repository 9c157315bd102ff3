/**
 * Shell completion scripts. Each asks lore itself for the words that fit (`lore
 * --get-yargs-completions <words so far>`, answered by yargs from lore's command table), so
 * a script sourced once stays right as lore gains commands and options.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const bash = `# lore completion for bash: source <(lore completion bash), or add that line to ~/.bashrc
_lore_completions() {
  local cur=\${COMP_WORDS[COMP_CWORD]} words
  mapfile -t words < <(lore --get-yargs-completions "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
  mapfile -t COMPREPLY < <(compgen -W "\${words[*]}" -- "$cur")
}
complete -o bashdefault -o default -F _lore_completions lore
`;

const zsh = `#compdef lore
# lore completion for zsh: source <(lore completion zsh), or add that line to ~/.zshrc
_lore_completions() {
  local -a words_so_far replies
  words_so_far=("\${words[@]:0:CURRENT}")
  replies=("\${(@f)$(lore --get-yargs-completions "\${words_so_far[@]}" 2>/dev/null)}")
  compadd -- "\${replies[@]}"
}
compdef _lore_completions lore
`;

const fish = `# lore completion for fish: lore completion fish | source, or save it as ~/.config/fish/completions/lore.fish
function __lore_completions
    lore --get-yargs-completions (commandline -opc) (commandline -ct) 2>/dev/null
end
complete -c lore -f -a '(__lore_completions)'
`;

export const COMPLETION_SCRIPTS: Record<Shell, string> = { bash, zsh, fish };
